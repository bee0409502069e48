runbook "lint" {
  param token: secret = "s3cr3t-t0ken"
  # expect-warning: RB0604 2:25
  param db: string = "mongodb://admin:hunter2@db.internal:27017/app"
  # expect-warning: RB0604 4:22
  step ping = exec { argv: ["echo", token, db] }
}
