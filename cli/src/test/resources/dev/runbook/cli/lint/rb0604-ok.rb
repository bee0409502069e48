runbook "lint" {
  param token: secret = env("API_TOKEN")
  param password: secret = env("DB_PASSWORD", "")
  param db: string = "mongodb://admin:${password}@db.internal:27017/app"
  param plain: string = "mongodb://db.internal:27017/app"
  step ping = exec { argv: ["echo", token, db, plain, "https://user@example.com/x"] }
}
