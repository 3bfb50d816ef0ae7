"""The public's satisfaction (SKM, IKM per PermenPANRB 14/2017): aggregate per unit only."""
