"""A real SMTP server on 127.0.0.1 for the tests (aiosmtpd).

Usage: smtp_server.py PORT DIR

Every message accepted is parsed with Python's e-mail parser and written to
DIR as <n>.json (envelope, decoded subject, text body, attachments) with each
attachment beside it as <n>-<file name>. A recipient whose local part starts
with "reject" is refused at RCPT with a 550 and its reason. DIR/attempts.json
counts the RCPTs per address. Prints "ready" once it listens; stops when its
standard input closes.
"""
import email
import json
import os
import sys
from email import policy

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.attempts = {}

    def _write(self, name, data):
        path = os.path.join(self.folder, name)
        tmp = path + ".part"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.attempts[address] = self.attempts.get(address, 0) + 1
        self._write("attempts.json", json.dumps(self.attempts).encode())
        if address.split("@")[0].startswith("reject"):
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        n = self.count
        raw = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=policy.default)
        text = ""
        files = []
        for part in msg.walk():
            if part.is_multipart():
                continue
            name = part.get_filename()
            if name:
                data = part.get_payload(decode=True)
                stored = "%d-%s" % (n, os.path.basename(name))
                self._write(stored, data)
                files.append({"filename": name, "content_type": part.get_content_type(),
                              "stored": stored, "size": len(data)})
            elif part.get_content_type() == "text/plain":
                text += part.get_content()
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "from": str(msg["From"]),
            "to": str(msg["To"]),
            "subject": str(msg["Subject"]),
            "body": text,
            "attachments": files,
        }
        self._write("%d.json" % n, json.dumps(record, ensure_ascii=False).encode())
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Handler(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
