runbook "lint" {
  param token: secret = "s3cr3t-t0ken"
  # expect-warning: RB0604 2:26
  param db: string = "mongodb://admin:hunter2@db.internal:27017/app"
  # expect-warning: RB0604 4:23
  step ping = exec { argv: ["echo", token, db] }
}
