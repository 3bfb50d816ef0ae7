"""GraphiQL served by Jejak itself: its files, the page, its example tabs and dev token."""
