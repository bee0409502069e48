// a DSL file commented C-style
runbook "slashes" {  // opening
  // about the step
  step a = exec { argv: ["a"] }  // trailing
    // about when
    when true  // trailing when
}
// end
