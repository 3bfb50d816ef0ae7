"""Policy data: versioned values a decree or a region sets (holidays, TPP factors, …)."""
