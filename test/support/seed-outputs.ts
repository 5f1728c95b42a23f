/** The seed page's example outputs, as exact text (PRETTY as printed, CSV and JSON as the Java tool writes them). */

export const PRETTY_1 = `+----------------------+-----------------------------+---------+--------------+--------+----------------+-------------------------------------+--------+
| Token ID             | Created                     | User ID | Type         | Status | Name           | Description                         | Policy |
+----------------------+-----------------------------+---------+--------------+--------+----------------+-------------------------------------+--------+
| hNAdH.aXHaEqFossMwT8 | 2025-09-29T03:52:43.281061Z |     123 | ReadNodeData | Active | Student access | Allow access to school system data. |        |
+----------------------+-----------------------------+---------+--------------+--------+----------------+-------------------------------------+--------+
`

export const PRETTY_2 = `+----------------------+-----------------------------+---------+------+--------+---------------------+----------------------------------------------+---------------------------------------------------+
| Token ID             | Created                     | User ID | Type | Status | Name                | Description                                  | Policy                                            |
+----------------------+-----------------------------+---------+------+--------+---------------------+----------------------------------------------+---------------------------------------------------+
| kF67p6g30eUXQICUgzQf | 2025-09-29T04:23:20.302917Z |     123 | User | Active | Reporting: region 1 | Allow access to region 1 for reporting team. | {                                                 |
|                      |                             |         |      |        |                     |                                              |   "nodeIds" : [ 100, 101, 107, 164 ],             |
|                      |                             |         |      |        |                     |                                              |   "sourceIds" : [ "/REGION1/**", "/REGION2/**" ], |
|                      |                             |         |      |        |                     |                                              |   "minAggregation" : "Hour",                      |
|                      |                             |         |      |        |                     |                                              |   "refreshAllowed" : true                         |
|                      |                             |         |      |        |                     |                                              | }                                                 |
+----------------------+-----------------------------+---------+------+--------+---------------------+----------------------------------------------+---------------------------------------------------+
`

export const PRETTY_3 = `+----------------------+-----------------------------+---------+------+--------+---------------------+----------------------------------------------+-----------------------------------+
| Token ID             | Created                     | User ID | Type | Status | Name                | Description                                  | Policy                            |
+----------------------+-----------------------------+---------+------+--------+---------------------+----------------------------------------------+-----------------------------------+
| kF67p6g30eUXQICUgzQf | 2025-09-29T04:23:20.302917Z |     123 | User | Active | Reporting: region 1 | Allow access to region 1 for reporting team. | {                                 |
|                      |                             |         |      |        |                     |                                              |   "nodeIds" : [ 107, 164 ],       |
|                      |                             |         |      |        |                     |                                              |   "sourceIds" : [ "/REGION2/**" ] |
|                      |                             |         |      |        |                     |                                              | }                                 |
+----------------------+-----------------------------+---------+------+--------+---------------------+----------------------------------------------+-----------------------------------+
`

export const CSV_HEADER = 'Token ID,Created,User ID,Type,Status,Name,Description,Policy\r\n'

export const CSV_1 =
  CSV_HEADER + 'hNAdH.aXHaEqFossMwT8,2025-09-29T03:52:43.281061Z,123,ReadNodeData,Active,Student access,Allow access to school system data.,\r\n'

export const CSV_3 =
  CSV_HEADER +
  'kF67p6g30eUXQICUgzQf,2025-09-29T04:23:20.302917Z,123,User,Active,Reporting: region 1,Allow access to region 1 for reporting team.,"{\n' +
  '  ""nodeIds"" : [ 107, 164 ],\n  ""sourceIds"" : [ ""/REGION2/**"" ]\n}"\r\n'

/** Example 3 as compact JSON, as written when stdout is not a terminal. */
export const JSON_3 =
  '{"id":"kF67p6g30eUXQICUgzQf","created":"2025-09-29 04:23:20.302917Z","userId":123,"name":"Reporting: region 1",' +
  '"description":"Allow access to region 1 for reporting team.","status":"Active","type":"User","expired":false,' +
  '"policy":{"nodeIds":[107,164],"sourceIds":["/REGION2/**"]}}'

/** The seed page's usage synopsis, as printed there. */
export const SYNOPSIS = `s10k sec-tokens update [-rR] -id=tokenId [-n=<name>]
                        [-D=<description>] [-node=nodeId[,nodeId...]]...
                        [-source=sourceId[,sourceId...]]...
                        [-N=metaPath[,metaPath...]]...
                        [-U=metaPath[,metaPath...]]...
                        [-A=path[,path...]]...
                        [-exp=<expirationDate>] [-tz=<zone>]
                        [-mode=<displayMode>]
                        [-a | -d]
                        [-agg=aggregation |
                            --aggregation=aggregation[,aggregation...]...]
                        [-loc=precision |
                            --location-precision=precision[,precision...]...]`
