"""A C2SP tlog-witness an oversight body runs, and the client the log uses to ask witnesses."""
