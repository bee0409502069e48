# Seed: "Configuration Rollback" (rollback-procedures.md): the environment file, or the nginx site config.
# env:   back up the live env file, restore it from the given backup, restart every app of the ecosystem file
#        with --env production, as the seed's `pm2 restart ecosystem.config.js` (the workers read the env file
#        too); a failed restart puts the env file back and restarts the apps on it again.
# nginx: back up the live site config, copy the backup into place, nginx -t, reload and prove the reload took;
#        a config nginx refuses is taken out again at once and the running server keeps the old one.
# Both end with the verification checklist (verify-system.rb) unless checklist is false.
runbook "config-rollback" {
  description "Roll back the environment file (and restart the app) or the nginx site config (test, reload, auto-revert)"

  param config: enum("env", "nginx") "which configuration to roll back"
  param from: path "the backup to restore, e.g. .env.production.backup.20240101_120000"
  param env_file: path = "/srv/cryptique/backend/.env.production" "the live environment file"
  param app: string = "cryptique-backend" "the pm2 app that reads the env file"
  param ecosystem: path = dirname(env_file) + "/ecosystem.config.js" "the pm2 ecosystem file"
  param pm2: string = "pm2" "the pm2 binary"
  param pm2_home: path = env("PM2_HOME", env("HOME", "/root") + "/.pm2") "PM2_HOME of the pm2 daemon"
  param only: string = "" "narrow the pm2 restarts to these apps of the ecosystem file (comma-separated); empty: every app in it"
  param app_url: string = "http://localhost:3001" "the application's base URL (verify-system.rb checks the endpoints below it)"
  param health_url: string = app_url + "/health" "must answer 200 after the restart"
  param checklist: bool = true "prove the verification checklist at the end (verify-system.rb)"
  param started: string = now() "when the rollback began: error lines logged before it are not counted"
  param site: path = "/etc/nginx/sites-available/cryptique" "the live nginx site config"
  param nginx: string = "nginx" "the nginx binary"
  param nginx_prefix: path = "/usr/share/nginx/" "nginx -p (Debian's compiled-in prefix)"
  param nginx_conf: path = "/etc/nginx/nginx.conf" "nginx -c: the main config that includes the site"

  lock "config-rollback:${config}"
  require "the backup to restore exists": exists(from)

  # Environment variables
  step env_backup = file.backup { path: env_file }
    when config == "env"
    verify exists(it.backup)

  step env_restore = file.restore { from: from, to: env_file }
    when config == "env"
    confirm "Replace ${env_file} with ${from} and restart ${app}?"

  step restart = pm2.restart {
    ecosystem: ecosystem,
    env: "production",
    only: only,
    pm2: pm2,
    pm2_home: pm2_home
  }
    when config == "env"

  step health = http.check { url: health_url }
    when config == "env"
    retry 15 delay 2s

  # Nginx configuration
  step nginx_backup = nginx.config.backup { path: site }
    when config == "nginx"

  step nginx_restore = nginx.config.restore {
    from: from,
    to: site,
    reload: true,
    nginx: nginx,
    prefix: nginx_prefix,
    conf: nginx_conf
  }
    when config == "nginx"
    confirm "Replace ${site} with ${from}, test it and reload nginx?"

  step nginx_check = nginx.test { nginx: nginx, prefix: nginx_prefix, conf: nginx_conf }
    when config == "nginx"
    verify it.ok

  step verify_system = call "verify-system.rb" {
    app_url: app_url,
    health_url: health_url,
    since: started,
    only: only,
    pm2: pm2,
    pm2_home: pm2_home
  }
    when checklist

  # What a failed rollback's undo must put back (runbook drill): both configs, byte for byte.
  invariant {
    step env_config = file.hash { path: env_file } compare sha256
    step site_config = file.hash { path: site } compare sha256
  }

  # The env file was put back by the undo: restart the app on it again.
  on_failure {
    step restart_again = pm2.restart {
      ecosystem: ecosystem,
      env: "production",
      only: only,
      pm2: pm2,
      pm2_home: pm2_home
    }
      when config == "env" && has(steps, "env_restore")

    step health_again = http.check { url: health_url }
      when config == "env" && has(steps, "env_restore")
      retry 15 delay 2s
  }
}
