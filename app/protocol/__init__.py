"""What the desktop client and the office server both speak: wire schemas, codec, merge, signing, certificate pins.

Imported by both sides, so it imports neither: never ``app.sync``'s client, ``app.server`` or ``app.ui``.
"""
