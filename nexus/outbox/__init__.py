"""The local outbox: with local settings every email the site sends is kept as a file under
var/mail/ and read on a staff page (/admin/outbox/). Production settings never enable it."""
