# Seed: "Complete System Recovery" (rollback-procedures.md, Emergency Procedures).
# Stops every pm2 app and nginx, snapshots what is there now, restores the application from a full
# backup with the restore script (and the nginx site config when the backup has one), starts nginx
# and the apps again and proves the whole verification checklist (verify-system.rb). Every destructive
# step asks first. On any failure the snapshot is put back first (the restore's undo), and only then,
# and only when it is back (no snapshot left beside the application directory), are nginx and the apps
# started again (on_failure): never on a half-restored tree. Each run takes a snapshot of its own.
runbook "full-recovery" {
  description "Complete system recovery from a full backup: stop, restore, start, verify (seed: Complete System Recovery)"

  param backup: path = latest("/var/backups/cryptique", "full_backup_*") "the full backup directory to restore"
  param app_dir: path = "/srv/cryptique/backend" "the application directory the backup restores"
  param restore_script: path = app_dir + "/scripts/full-restore.sh" "restores a full backup: run with the backup directory, in app_dir"
  param snapshot: path = app_dir + ".before-" + basename(backup) + "-" + now("yyyyMMdd_HHmmss") "where the current application directory is copied first (one per run: a re-run is never refused by an earlier snapshot)"
  param ecosystem: path = app_dir + "/ecosystem.config.js" "the pm2 ecosystem file"
  param pm2: string = "pm2" "the pm2 binary"
  param pm2_home: path = env("PM2_HOME", env("HOME", "/root") + "/.pm2") "PM2_HOME of the pm2 daemon"
  param site: path = "/etc/nginx/sites-available/cryptique" "the live nginx site config"
  param nginx: string = "nginx" "the nginx binary"
  param nginx_prefix: path = "/usr/share/nginx/" "nginx -p (Debian's compiled-in prefix)"
  param nginx_conf: path = "/etc/nginx/nginx.conf" "nginx -c: the main config"
  param health_url: string = "http://localhost:3001/health" "the application's health endpoint"
  param site_url: string = "http://localhost/health" "the same through nginx"
  param app_url: string = "http://localhost:3001" "the application's base URL (verify-system.rb checks the endpoints below it)"
  param started: string = now() "when the recovery began: error lines logged before it are not counted"

  lock "full-recovery"
  require "the backup directory exists": exists(backup)
  require "the restore script exists": exists(restore_script)
  require "the snapshot path is free": !exists(snapshot)

  # 1. Stop all services
  # started again by on_failure, once the snapshot is back: never by an undo that may run on a half-restored tree
  step stop_apps = pm2.stop { name: "all", pm2: pm2, pm2_home: pm2_home }
    confirm "Stop every pm2 app (pm2 stop all)?"
    undo notify {
      title: "LATER",
      message: "the pm2 apps start again once ${app_dir} is whole (on_failure)"
    }

  step stop_nginx = nginx.stop { nginx: nginx, prefix: nginx_prefix, conf: nginx_conf }
    confirm "Stop nginx (the site goes down until the recovery ends)?"
    undo notify {
      title: "LATER",
      message: "nginx starts again once ${app_dir} is whole (on_failure)"
    }

  # 2. Restore from the full backup, after a snapshot of what is there now
  # undone after the restore's undo: the snapshot goes away only when it is no longer needed (the restore's undo
  # moved it back, or the application directory still equals it), so a re-run is not refused by a stale snapshot
  step snapshot_app = exec { argv: ["cp", "-a", app_dir, snapshot] }
    verify exists(snapshot)
    undo shell {
      script: "[ ! -e '${snapshot}' ] || { diff -rq '${snapshot}' '${app_dir}' && rm -rf '${snapshot}'; }"
    }

  step snapshot_site = file.backup { path: site }

  step restore = exec { argv: [restore_script, backup], cwd: app_dir }
    confirm "Restore ${app_dir} from ${backup} (the current tree is kept at ${snapshot})?"
    timeout 30m
    verify exists(ecosystem)
    undo shell { script: "rm -rf '${app_dir}' && mv '${snapshot}' '${app_dir}'" }

  step restore_site = file.copy {
    from: backup + "/nginx/" + basename(site),
    to: site,
    overwrite: true
  }
    when exists(backup + "/nginx/" + basename(site))
    confirm "Replace ${site} with the backup's copy?"

  step test_nginx = nginx.test { nginx: nginx, prefix: nginx_prefix, conf: nginx_conf }

  # 3. Start services
  step start_nginx = nginx.start { nginx: nginx, prefix: nginx_prefix, conf: nginx_conf }

  step start_apps = pm2.start {
    ecosystem: ecosystem,
    env: "production",
    pm2: pm2,
    pm2_home: pm2_home
  }

  # 4. Verify system health
  step health = http.check { url: health_url }
    retry 15 delay 2s

  step site_health = http.check { url: site_url }
    retry 5 delay 2s

  step checklist = call "verify-system.rb" {
    app_url: app_url,
    health_url: health_url,
    since: started,
    pm2: pm2,
    pm2_home: pm2_home
  }

  verify "every pm2 app is online" pm2.list { pm2: pm2, pm2_home: pm2_home }
    expect it.all_online within 30s every 2s

  # What a failed recovery's undo must put back (runbook drill): the application tree, the site config, the apps.
  invariant {
    step tree = file.hash { path: app_dir } compare sha256, files
    step site_config = file.hash { path: site } compare sha256
    step apps = pm2.list { pm2: pm2, pm2_home: pm2_home } compare names
  }

  # The undo put the snapshot back (it is gone from beside the application directory): start what was stopped.
  # A snapshot still there means the tree may be half-restored: nothing starts, a human looks.
  on_failure {
    step start_nginx_again = nginx.start { nginx: nginx, prefix: nginx_prefix, conf: nginx_conf }
      when has(steps, "stop_nginx") && !exists(snapshot)

    step start_apps_again = pm2.start {
      ecosystem: ecosystem,
      env: "production",
      pm2: pm2,
      pm2_home: pm2_home
    }
      when has(steps, "stop_apps") && !exists(snapshot)

    step stranded = notify {
      title: "RECOVERY STOPPED",
      message: "${app_dir} may be half-restored: nginx and the apps were NOT started. The tree from before the recovery is at ${snapshot}.",
      severity: "critical"
    }
      when exists(snapshot)
  }
}
