"""The data files ssi-coach ships: the default rulebook, `action_plans.toml`.

They live at the top of the repository, where a reader looks for them, and are installed as
the package `ssi_coach.data` (see `package-dir` in pyproject.toml). This file makes the folder
a package, which is what lets an editable install find it too.
"""
