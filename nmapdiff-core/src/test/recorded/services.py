#!/usr/bin/env python3
"""Loopback services for record.sh: what a small server looks like on two nights.

    services.py a|b DIR     serves until stdin closes or SIGTERM

Night a: SSH 9.2p1 banner on 47022, SMTP banner on 47025, HTTP (title "Intranet") on 47080,
SMTP over TLS with a self-signed certificate on 47465, a UDP echo on 47053; TCP also on ::1.
Night b: the SSH version changed, SMTP closed, a second web server opened on 47081, the web
server's version and title changed. Binds 127.0.0.1 and ::1 only.
"""
import http.server
import socket
import socketserver
import ssl
import sys
import threading

night, work = sys.argv[1], sys.argv[2]


class Banner(socketserver.BaseRequestHandler):
    banner = b""

    def handle(self):
        self.request.sendall(self.banner)
        try:
            self.request.recv(1024)
        except OSError:
            pass


def banner_handler(text):
    return type("B", (Banner,), {"banner": text})


def web_handler(server, title):
    class Web(http.server.BaseHTTPRequestHandler):
        def version_string(self):
            return server

        def do_GET(self):
            body = ("<html><head><title>%s</title></head><body>ok</body></html>" % title).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_HEAD = do_GET

        def log_message(self, *args):
            pass

    return Web


class V4(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


class V6(V4):
    address_family = socket.AF_INET6


def serve(server):
    threading.Thread(target=server.serve_forever, daemon=True).start()


def tcp(port, handler, v6=True, tls=None):
    servers = [V4(("127.0.0.1", port), handler)]
    if v6:
        servers.append(V6(("::1", port), handler))
    for s in servers:
        if tls:
            s.socket = tls.wrap_socket(s.socket, server_side=True)
        serve(s)


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(data, self.client_address)


ssh_version = b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u2\r\n" if night == "a" else b"SSH-2.0-OpenSSH_9.6p1 Debian-4\r\n"
tcp(47022, banner_handler(ssh_version))
if night == "a":
    tcp(47025, banner_handler(b"220 mail.example.test ESMTP Postfix (Debian/GNU)\r\n"))
web = ("nginx/1.22.1", "Intranet") if night == "a" else ("nginx/1.24.0", "Intranet - maintenance")
tcp(47080, web_handler(*web))
if night == "b":
    tcp(47081, web_handler("Apache/2.4.57 (Debian)", "Staging"), v6=False)
# TLS around an SMTP banner: ssl-cert runs on it, http-title does not (ndiff 7.9x crashes on a
# port with two script results); record.sh makes the certificate once, for both nights
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(work + "/cert.pem", work + "/key.pem")
tcp(47465, banner_handler(b"220 mail.example.test ESMTP Postfix (Debian/GNU)\r\n"), v6=False, tls=context)
udp = socketserver.ThreadingUDPServer(("127.0.0.1", 47053), Echo)
serve(udp)
print("ready", flush=True)
sys.stdin.read()
