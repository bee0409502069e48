# Two shell steps for part-way drills: one whose undo needs nothing from the step, one whose undo reads its output.
runbook "shell-drill" {
  param repo: path "the working tree"
  param target: string "unused here; the sandbox prints it"

  step marker = shell { script: "echo rolled back > '${repo}/MARKER'" }
    undo shell { script: "rm -f '${repo}/MARKER'" }

  # the undo removes the file the step named on its output: when the step fails part-way, there is no output
  step scratch = shell { script: "f='${repo}/SCRATCH'; echo scratch > \"$f\"; echo \"$f\"" }
    undo shell { script: "rm -f '${trim(it.stdout)}'" }

  invariant {
    step marker = file.exists { path: repo + "/MARKER" } compare exists
    step scratch = file.exists { path: repo + "/SCRATCH" } compare exists
  }
}
