# Seed: "Rollback Decision Matrix", "Communication Template" and "Emergency Contacts" (rollback-procedures.md).
# Sends the internal alert (with the contacts and the deadline the matrix gives the severity), tells
# users when to expect service back, then rolls back what broke: the code (app-rollback.rb), the data
# (db-restore.rb: data corruption calls for a database restore, not a code rollback) or the
# configuration (config-rollback.rb). The matrix's deadline is the rollback's time limit: past it the
# rollback is stopped and undone, and the on-call is told. While it runs, a status update goes out every
# 15 minutes (notify.every). A low-severity incident is fixed forward instead.
runbook "incident" {
  description "Decide by severity and kind (seed: Rollback Decision Matrix), alert, tell users, roll back code, data or config, or fix forward"

  param severity: enum("critical", "high", "medium", "low") "Critical: data corruption, security breach. High: application down. Medium: performance degradation. Low: minor or cosmetic bugs"
  param kind: enum("code", "data", "config") = "code" "what to roll back: code (a bad deploy), data (corruption: restore the database), config (env file or nginx config)"
  param reason: string "brief description of the incident"
  param target: string = "" "code: the commit, tag or version to roll back to"
  param impact: string = "service degraded" "the user-facing impact"
  param action: string = {critical: "Immediate rollback", high: "Rollback within 15 minutes", medium: "Rollback within 1 hour", low: "Fix forward or schedule rollback"}[severity] "what the decision matrix says to do"
  param deadline: duration = {critical: 15m, high: 15m, medium: 1h, low: 1h}[severity] "the matrix's deadline: the rollback is stopped and undone past it"
  param timeframe: string = {critical: "15 minutes", high: "15 minutes", medium: "1 hour", low: "the next release"}[severity] "when users can expect normal service (User Communication)"
  param update_every: duration = 15m "how often a status update goes out while the rollback runs"
  param contacts: string = "Primary DevOps: [Your contact]; Database Admin: [Your contact]; Team Lead: [Your contact]; Emergency Hotline: [Phone number]; Slack: #cryptique-incidents; Email: devops@cryptique.io" "Emergency Contacts, named in every message"
  param alert_to: string = "stdout" "where the internal alert and the updates go: stdout, file:<path> or a webhook URL (e.g. Slack #cryptique-incidents)"
  param users_to: string = "stdout" "where the user communication goes"
  # passed on to app-rollback.rb (code)
  param repo: path = "/srv/cryptique/backend" "the application's git working tree"
  param app: string = "cryptique-backend" "the pm2 app name"
  param ecosystem: path = repo + "/ecosystem.config.js" "the pm2 ecosystem file"
  param app_url: string = "http://localhost:3001" "the application's base URL"
  param health_url: string = app_url + "/health" "the health endpoint"
  param status_url: string = app_url + "/api/status" "a critical endpoint"
  param instances: string = "previous" "instances to scale back up to: previous, max or a number"
  param health_service: string = "cryptique-health-check" "the systemd unit of the external health checks"
  param systemctl: string = "systemctl" "the systemctl binary"
  param pm2: string = "pm2" "the pm2 binary"
  param pm2_home: path = env("PM2_HOME", env("HOME", "/root") + "/.pm2") "PM2_HOME of the pm2 daemon"
  # passed on to db-restore.rb (data)
  param backup: path = "" "data: the mongodump directory to restore (empty: the latest in /var/backups/cryptique/mongodb)"
  param mongo_uri: secret = env("MONGODB_URI", "") "data: the connection string of the database server"
  # passed on to config-rollback.rb (config)
  param config: enum("env", "nginx") = "env" "config: which configuration to roll back"
  param config_from: path = "" "config: the backup to restore, e.g. .env.production.backup.20240101_120000"

  lock "incident:${app}"
  require "a code rollback needs target (the commit, tag or version to roll back to)": severity == "low" || kind != "code" || target != ""
  require "a config rollback needs config_from (the backup to restore)": severity == "low" || kind != "config" || config_from != ""

  step alert = notify {
    to: alert_to,
    severity: severity,
    title: severity == "low" ? "INCIDENT: FIX FORWARD" : "🚨 ROLLBACK IN PROGRESS 🚨",
    message: "System: Cryptique RAG Backend\nSeverity: ${upper(severity)}\nReason: ${reason}\nRollback Target: ${severity == 'low' ? 'none (fix forward)' : {code: target, data: 'database from ' + (backup != '' ? backup : 'the latest backup'), config: config + ' configuration from ' + config_from}[kind]}\nETA: ${action}\nImpact: ${impact}\nContacts: ${contacts}\n\nStatus updates will follow every ${string(update_every)}."
  }

  step tell_users = notify {
    to: users_to,
    message: "We're currently experiencing technical difficulties and are working to restore normal service.\nWe expect to have this resolved within ${timeframe}.\nWe apologize for any inconvenience."
  }
    when severity != "low"

  # beside the rollback until it is over
  step updates = notify.every {
    every: update_every,
    to: alert_to,
    severity: severity,
    title: "ROLLBACK STATUS UPDATE",
    message: "${upper(severity)} ${kind} rollback of ${app} (${reason}) still in progress; deadline ${string(deadline)}. Contacts: ${contacts}"
  }
    when severity != "low"

  step rollback = call "app-rollback.rb" {
    repo: repo,
    target: target,
    app: app,
    ecosystem: ecosystem,
    app_url: app_url,
    health_url: health_url,
    status_url: status_url,
    instances: instances,
    health_service: health_service,
    systemctl: systemctl,
    pm2: pm2,
    pm2_home: pm2_home
  }
    when severity != "low" && kind == "code"
    timeout deadline

  step restore = call "db-restore.rb" {
    backup: backup != "" ? backup : latest("/var/backups/cryptique/mongodb", "mongo_*"),
    mongo_uri: mongo_uri,
    ecosystem: ecosystem,
    app: app,
    pm2: pm2,
    pm2_home: pm2_home,
    health_url: health_url,
    alert_to: alert_to
  }
    when severity != "low" && kind == "data"
    timeout deadline

  step config_rollback = call "config-rollback.rb" {
    config: config,
    from: config_from,
    env_file: repo + "/.env.production",
    app: app,
    ecosystem: ecosystem,
    pm2: pm2,
    pm2_home: pm2_home,
    health_url: health_url
  }
    when severity != "low" && kind == "config"
    timeout deadline

  step fix_forward = notify {
    to: alert_to,
    severity: severity,
    title: "DECISION: FIX FORWARD",
    message: "Severity low (${reason}): no rollback. Fix forward or schedule a rollback of ${app}. Contacts: ${contacts}"
  }
    when severity == "low"

  step resolved = notify {
    to: alert_to,
    severity: severity,
    title: "ROLLBACK COMPLETE",
    message: "The ${kind} rollback of ${app} is done (${reason}). Verify and monitor; see Post-Rollback Actions. Contacts: ${contacts}"
  }
    when severity != "low"

  on_failure {
    step rollback_failed = notify {
      to: alert_to,
      severity: severity,
      title: "ROLLBACK FAILED",
      message: "The ${kind} rollback of ${app} failed or ran past its deadline of ${string(deadline)} (${reason}); it was undone. Escalate now: ${contacts}"
    }
  }
}
