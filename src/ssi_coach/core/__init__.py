"""The pure core: pillars, values, scores, the rulebook's model, the planner, trends, reports.

Nothing here touches the terminal, a file, the database or the user's language choice: it
takes values and returns values, and raises the typed errors of `ssi_coach.errors`.
"""
