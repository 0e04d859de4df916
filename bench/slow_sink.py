"""An SMTP sink that takes 20 ms to answer each message, as a mail provider's round trip does.

Run by `python -m aiosmtpd -c bench.slow_sink.SlowSink`; connections are served in parallel
(the wait is an asyncio sleep), so more workers can overlap their round trips.
"""

import asyncio

DELAY = 0.020


class SlowSink:
    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(DELAY)
        return "250 OK"
