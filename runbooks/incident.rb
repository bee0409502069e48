# Seed: "Rollback Decision Matrix" and "Communication Template" (rollback-procedures.md).
# Sends the internal alert with the deadline the matrix gives the severity, tells users when to
# expect service back, then rolls the application back (app-rollback.rb) for critical, high and
# medium incidents; a low-severity incident is fixed forward instead.
runbook "incident" {
  description "Decide by severity (seed: Rollback Decision Matrix), alert, tell users, roll back or fix forward"

  param severity: enum("critical", "high", "medium", "low") "Critical: data corruption, security breach. High: application down. Medium: performance degradation. Low: minor or cosmetic bugs"
  param reason: string "brief description of the incident"
  param target: string "the commit, tag or version to roll back to"
  param impact: string = "service degraded" "the user-facing impact"
  param action: string = {critical: "Immediate rollback", high: "Rollback within 15 minutes", medium: "Rollback within 1 hour", low: "Fix forward or schedule rollback"}[severity] "what the decision matrix says to do"
  param timeframe: string = {critical: "15 minutes", high: "15 minutes", medium: "1 hour", low: "the next release"}[severity] "when users can expect normal service (User Communication)"
  param alert_to: string = "stdout" "where the internal alert goes: stdout, file:<path> or a webhook URL (e.g. Slack #cryptique-incidents)"
  param users_to: string = "stdout" "where the user communication goes"
  # passed on to app-rollback.rb
  param repo: path = "/srv/cryptique/backend" "the application's git working tree"
  param app: string = "cryptique-backend" "the pm2 app name"
  param ecosystem: path = repo + "/ecosystem.config.js" "the pm2 ecosystem file"
  param health_url: string = "http://localhost:3001/health" "the health endpoint"
  param status_url: string = "http://localhost:3001/api/status" "a critical endpoint"
  param instances: string = "previous" "instances to scale back up to: previous, max or a number"
  param health_service: string = "cryptique-health-check" "the systemd unit of the external health checks"
  param systemctl: string = "systemctl" "the systemctl binary"
  param pm2: string = "pm2" "the pm2 binary"
  param pm2_home: path = env("PM2_HOME", env("HOME", "/root") + "/.pm2") "PM2_HOME of the pm2 daemon"

  lock "incident:${app}"

  step alert = notify {
    to: alert_to,
    severity: severity,
    title: severity == "low" ? "INCIDENT: FIX FORWARD" : "🚨 ROLLBACK IN PROGRESS 🚨",
    message: "System: Cryptique RAG Backend\nSeverity: ${upper(severity)}\nReason: ${reason}\nRollback Target: ${severity == 'low' ? 'none (fix forward)' : target}\nETA: ${action}\nImpact: ${impact}\n\nStatus updates will follow every 15 minutes."
  }

  step tell_users = notify {
    to: users_to,
    message: "We're currently experiencing technical difficulties and are working to restore normal service.\nWe expect to have this resolved within ${timeframe}.\nWe apologize for any inconvenience."
  }
    when severity != "low"

  step rollback = call "app-rollback.rb" {
    repo: repo,
    target: target,
    app: app,
    ecosystem: ecosystem,
    health_url: health_url,
    status_url: status_url,
    instances: instances,
    health_service: health_service,
    systemctl: systemctl,
    pm2: pm2,
    pm2_home: pm2_home
  }
    when severity in ["critical", "high", "medium"]

  step fix_forward = notify {
    to: alert_to,
    severity: severity,
    title: "DECISION: FIX FORWARD",
    message: "Severity low (${reason}): no rollback. Fix forward or schedule a rollback of ${app} to ${target}."
  }
    when severity == "low"

  step resolved = notify {
    to: alert_to,
    severity: severity,
    title: "ROLLBACK COMPLETE",
    message: "${app} was rolled back to ${target} (${reason}). Verify and monitor; see Post-Rollback Actions."
  }
    when severity != "low"

  on_failure {
    step rollback_failed = notify {
      to: alert_to,
      severity: severity,
      title: "ROLLBACK FAILED",
      message: "Rolling ${app} back to ${target} failed; the rollback was undone. Escalate to the DevOps on call."
    }
  }
}
