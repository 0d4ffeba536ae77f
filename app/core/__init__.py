"""Use cases: people, interviews, screening, safety plans, referrals, consent, relief, measures, audit.

Plain Python: no Qt, no HTTP.
"""
