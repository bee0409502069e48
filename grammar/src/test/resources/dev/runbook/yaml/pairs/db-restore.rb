runbook "db-restore" {
  description "Restore MongoDB from a mongodump backup (seed: Database Rollback)"

  param backup: path = latest("/var/backups/cryptique/mongodb", "mongo_*")
  param mongo_uri: secret = env("MONGODB_URI")
  param app: string = "cryptique-backend"

  lock "mongo:${app}"
  require "backup is readable": exists(backup)

  step assess = mongo.counts { uri: mongo_uri }
  step stop_app = pm2.stop { name: app }
    undo pm2.start { name: app }
  step quiet = mongo.status { uri: mongo_uri }
    verify it.others == 0 within 30s every 2s
  step emergency = mongo.dump {
    uri: mongo_uri, out: "/var/backups/cryptique/emergency_${now('yyyyMMdd_HHmmss')}"
  }
  step restore = mongo.restore { uri: mongo_uri, from: backup, drop: true }
    confirm "Drop and restore every collection from ${backup}?"
    undo mongo.restore { uri: mongo_uri, from: steps.emergency.out, drop: true }
    verify it.restored == it.expected
  step start_app = pm2.start { name: app }

  verify "health endpoint answers" http.get { url: "http://localhost:3001/health" }
    expect it.status == 200 within 30s
}
