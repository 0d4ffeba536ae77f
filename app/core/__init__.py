"""Use cases: people, interviews, screening, safety plans, referrals, consent, relief, measures, audit. No Qt, no HTTP."""
