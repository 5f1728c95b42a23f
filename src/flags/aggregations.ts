/**
 * The service's aggregation levels (SolarNetwork's `Aggregation` enum), in its order: the values of a token
 * policy's aggregations and of a datum query's aggregation, which more than one plugin accepts.
 */
export const AGGREGATIONS = [
  'None',
  'Minute',
  'FiveMinute',
  'TenMinute',
  'FifteenMinute',
  'ThirtyMinute',
  'Hour',
  'HourOfDay',
  'HourOfYear',
  'SeasonalHourOfDay',
  'Day',
  'DayOfWeek',
  'DayOfYear',
  'SeasonalDayOfWeek',
  'Week',
  'WeekOfYear',
  'Month',
  'Year',
  'RunningTotal',
] as const
