runbook "long" {
  step emergency = mongo.dump {
    uri: mongo_uri,
    out: "/var/backups/cryptique/emergency_${now('yyyyMMdd_HHmmss')}",
    gzip: true
  }

  step short = exec { argv: ["a", "b"] }

  step exactly = exec { argv: ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"] }

  step over = exec {
    argv: ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]
  }
    undo exec {
      argv: ["undo-it", "with", "a", "very", "long", "argument", "list", "that", "does", "not", "fit"]
    }

  step wrapped = exec { argv: ["a"], dir: "/tmp" }
}
