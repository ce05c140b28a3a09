from interview_journal.cli.main import main

main()
