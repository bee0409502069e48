# Database Rollback (seed: rollback-procedures.md, "Database Rollback").
# Stops the app, waits until no other client is connected (mongo.status counts every client's
# connections but its own), takes an emergency dump of the current database, restores the backup
# over it (dropping each restored collection first) behind a confirm gate, proves the counts, starts
# the app again and checks its health endpoint.
# If anything fails after the restore began, the emergency dump is restored and the app started again.
runbook "db-restore" {
  description "Restore the MongoDB database from a mongodump backup, with an emergency dump to fall back on"

  param backup: path = latest("/var/backups/cryptique/mongodb", "mongo_*") "the mongodump directory to restore (holds <db>/)"
  param mongo_uri: secret = env("MONGODB_URI") "connection string of the database server"
  param db: string = "cryptique" "the database to restore"
  param emergency_dir: path = "/var/backups/cryptique" "where the emergency dump of the current data goes"
  param app_dir: path = "/srv/cryptique/backend" "the application's directory (the seed runs pm2 there)"
  param ecosystem: path = app_dir + "/ecosystem.config.js" "the pm2 ecosystem file of the application"
  param app: string = "cryptique-backend" "the pm2 app that uses the database"
  param app_env: string = "production" "the ecosystem environment to start the app with"
  param pm2: string = "pm2" "the pm2 binary"
  param pm2_home: path = env("PM2_HOME", env("HOME") + "/.pm2") "PM2_HOME of the pm2 daemon that runs the app"
  param health_url: string = "http://localhost:3001/health" "the app's health endpoint"
  param alert_to: string = "stdout" "where the failure alert goes: stdout, file:<path> or a webhook URL"

  lock "mongo:${db}"
  require "the backup exists": exists(backup)
  require "the backup holds the database": exists(backup + "/" + db)
  require "the ecosystem file exists (to start the app again)": exists(ecosystem)

  # Step 1: assess the damage
  step assess = mongo.counts { uri: mongo_uri, db: db }

  # Step 2: stop the application, then wait until no other client is connected
  step stop_app = pm2.stop { ecosystem: ecosystem, name: app, pm2: pm2, pm2_home: pm2_home }

  step quiet = mongo.status { uri: mongo_uri }
    verify it.others == 0 within 30s every 2s

  # Step 3: back up the current state
  step emergency = mongo.dump {
    uri: mongo_uri,
    db: db,
    out: "${emergency_dir}/emergency_${now('yyyyMMdd_HHmmss')}"
  }
    verify it.total == steps.assess.total

  # Step 4: restore from the backup, dropping each restored collection first
  step restore = mongo.restore {
    uri: mongo_uri,
    from: backup,
    db: db,
    ns_include: ["${db}.*"],
    drop: true
  }
    confirm "Drop and restore the collections of ${db} from ${backup}? (emergency dump: ${steps.emergency.out})"
    verify it.restored == it.expected
    undo mongo.restore {
      uri: mongo_uri,
      from: steps.emergency.out,
      db: db,
      ns_include: ["${db}.*"],
      drop: true
    }

  step recount = mongo.counts { uri: mongo_uri, db: db }
    verify it.total == steps.restore.expected

  # Step 5: restart the application and check its health
  step start_app = pm2.start {
    ecosystem: ecosystem,
    name: app,
    env: app_env,
    pm2: pm2,
    pm2_home: pm2_home
  }

  step health = http.check { url: health_url }
    retry 15 delay 2s

  # What a failed restore's undo must put back (runbook drill): the documents of every collection.
  invariant {
    step data = mongo.counts { uri: mongo_uri, db: db } compare counts
  }

  on_failure {
    step alert = notify {
      to: alert_to,
      severity: "critical",
      title: "DATABASE RESTORE FAILED",
      message: "Database: ${db}\nBackup: ${backup}\nCompleted steps were undone (the emergency dump restored if the restore had begun); check the app and the data."
    }
  }
}
