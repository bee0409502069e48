# The quickstart: runs on any machine with Java and python3, no services needed.
# It backs up a config file, breaks it, restores it from the backup behind a confirm
# gate, proves the restored file over HTTP, and sends the seed's alert message.
runbook "quickstart" {
  description "Back up a config file, break it, restore it, check it over HTTP, notify"

  param workdir: path = "/tmp/runbook-