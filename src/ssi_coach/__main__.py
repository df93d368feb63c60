"""`python -m ssi_coach` runs the same CLI as the `ssi-coach` script."""

from ssi_coach.cli import main

main()
