"""The use cases: one function per job a command does (check, paste, today, done, history,
import, team, rules, config). Each takes plain values, opens and closes what it needs (the
store, files), saves in one transaction, and returns a result object for `cli.py` to render.
"""
