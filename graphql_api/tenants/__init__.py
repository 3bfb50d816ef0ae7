"""Tenants (instansi): registered by the platform admin; requests name only registered ones."""
