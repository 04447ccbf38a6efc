SELECT kenes.idempotency_expire()
