# A TCP listener that never accepts, with its backlog already full: connections to it hang, so a client's
# connect timeout can be tested on loopback. Prints its port, then waits to be killed.
import socket
import time

server = socket.socket()
server.bind(('127.0.0.1', 0))
server.listen(0)
port = server.getsockname()[1]
held = []
for _ in range(4):
    client = socket.socket()
    client.setblocking(False)
    try:
        client.connect(('127.0.0.1', port))
    except BlockingIOError:
        pass
    held.append(client)
print(port, flush=True)
time.sleep(120)
