"""Fictional demo data and the demo office that ``make run`` starts beside it.

``people`` fills a vault with generated, fictional people (never real data); ``office`` starts a loopback office
server for the demo; ``run`` is what ``make run`` opens. Only ``office`` and ``run`` touch the office server, and
the desktop bundle leaves both out.
"""
