from interview_journal.cli import main

main()
