# tests/lib/fcgi_get.py SOCKET PATH [NAME=VALUE...]: one FastCGI GET straight to the handler, its
# answer (headers and body) on stdout. For what nginx's cached locations never pass on
# (nginx drops If-None-Match there and answers 304 itself).
import socket, struct, sys

def record(kind, content, rid=1):
    return struct.pack('>BBHHBx', 1, kind, rid, len(content), 0) + content

def pair(name, value):
    n, v = name.encode(), value.encode()
    def ln(x):
        return struct.pack('>B', len(x)) if len(x) < 128 else struct.pack('>I', len(x) | 0x80000000)
    return ln(n) + ln(v) + n + v

sock, path = sys.argv[1], sys.argv[2]
params = {'REQUEST_METHOD': 'GET', 'DOCUMENT_URI': path.split('?')[0], 'REQUEST_URI': path,
          'QUERY_STRING': path.partition('?')[2], 'HTTP_HOST': 'localhost', 'REQUEST_ID': 'cache-test'}
for a in sys.argv[3:]:
    k, _, v = a.partition('=')
    params[k] = v
body = b''.join(pair(k, v) for k, v in params.items())
s = socket.socket(socket.AF_UNIX)
s.connect(sock)
s.sendall(record(1, struct.pack('>HB5x', 1, 0)) + record(4, body) + record(4, b'') + record(5, b''))
out = b''
while True:
    h = s.recv(8, socket.MSG_WAITALL)
    if len(h) < 8:
        break
    _, kind, _, clen, plen = struct.unpack('>BBHHBx', h)
    data = s.recv(clen + plen, socket.MSG_WAITALL)[:clen] if clen + plen else b''
    if kind == 6:
        out += data
    elif kind == 3:
        break
sys.stdout.write(out.decode('utf-8', 'replace'))
