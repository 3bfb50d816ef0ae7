"""Report exports (CSV, XLSX) for HR and oversight, from the read models the queries use."""
