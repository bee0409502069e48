// The runbook DSL: statements, then the CEL-style expression sub-grammar.
// Newlines are not significant: clauses start with keywords, and an expression ends where no operator follows.
grammar Runbook;

file        : runbookDecl EOF ;
exprOnly    : expr EOF ;

runbookDecl : RUNBOOK name=STRING LBRACE member* RBRACE ;

member
    : DESCRIPTION text                                        # descriptionMember
    | PARAM ident COLON paramType (ASSIGN expr)? text?        # paramMember
    | LOCK expr                                               # lockMember
    | requireClause                                           # requireMember
    | stepDecl                                                # stepMember
    | PARALLEL LBRACE stepDecl* RBRACE                        # parallelMember
    | FINALLY LBRACE stepDecl* RBRACE                         # finallyMember
    | ON_FAILURE LBRACE stepDecl* RBRACE                      # onFailureMember
    | verifyDecl                                              # verifyMember
    | INVARIANT LBRACE invariantDecl* RBRACE                  # invariantMember
    | ON target=ident (AS id=ident)? (ROLLING rolling)? (MAX_FAILURES failures=batchSize)? UNDO_ALL?
      LBRACE (stepDecl | verifyDecl)* RBRACE                  # onMember
    ;

verifyDecl  : VERIFY name=STRING (invocation EXPECT)? expr within? ;

// the batch sizes of an `on` block: one size, or a list whose last size repeats
rolling     : batchSize | LBRACK batchSize (COMMA batchSize)* COMMA? RBRACK ;
batchSize   : INT PERCENT? ;

// a read step whose outputs (all, or the fields after `compare`) must be the same after a failed run's undo
invariantDecl : STEP ident ASSIGN invocation (COMPARE ident (COMMA ident)*)? ;

paramType   : ident (LPAREN STRING (COMMA STRING)* RPAREN)? ;

requireClause : REQUIRE (text COLON)? expr ;

stepDecl    : STEP ident ASSIGN invocation stepClause* ;

invocation
    : CALL STRING argBlock?                                   # callInvocation
    | qualifiedName argBlock?                                 # typeInvocation
    ;

argBlock    : LBRACE (arg (COMMA? arg)* COMMA?)? RBRACE ;
arg         : key COLON expr ;
key         : ident | STRING ;

stepClause
    : WHEN expr                                               # whenClause
    | UNLESS expr                                             # unlessClause
    | requireClause                                           # requireStepClause
    | VERIFY expr within?                                     # verifyClause
    | RETRY expr (DELAY expr)? (BACKOFF expr)?                # retryClause
    | TIMEOUT expr                                            # timeoutClause
    | CONFIRM expr                                            # confirmClause
    | UNDO invocation                                         # undoClause
    | ON_FAILURE ident                                        # onFailureClause
    | NEEDS ident (COMMA ident)*                              # needsClause
    ;

within      : WITHIN expr (EVERY expr)? ;

text        : STRING | TEXT_BLOCK ;

qualifiedName : ident (DOT ident)* ;

// ---- expressions -------------------------------------------------------------------------------

expr
    : primary                                                 # primaryExpr
    | expr DOT ident                                          # memberExpr
    | expr LBRACK expr RBRACK                                 # indexExpr
    | op=(BANG | MINUS) expr                                  # unaryExpr
    | expr op=(STAR | SLASH | PERCENT) expr                   # mulExpr
    | expr op=(PLUS | MINUS) expr                             # addExpr
    | expr op=(LT | LE | GT | GE | EQ | NE | IN) expr         # relExpr
    | expr AND expr                                           # andExpr
    | expr OR expr                                            # orExpr
    | <assoc=right> expr QUESTION expr COLON expr             # condExpr
    ;

primary
    : ident LPAREN (expr (COMMA expr)*)? RPAREN               # callExpr
    | ident                                                   # refExpr
    | LPAREN expr RPAREN                                      # parenExpr
    | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK              # listExpr
    | LBRACE (mapEntry (COMMA mapEntry)* COMMA?)? RBRACE      # mapExpr
    | STRING                                                  # stringExpr
    | TEXT_BLOCK                                              # textBlockExpr
    | INT                                                     # intExpr
    | FLOAT                                                   # floatExpr
    | DURATION                                                # durationExpr
    | (TRUE | FALSE)                                          # boolExpr
    | NULL                                                    # nullExpr
    ;

mapEntry    : key COLON expr ;

// Keywords may still be used as names where a name is expected (argument keys, members, params).
ident
    : IDENT | RUNBOOK | DESCRIPTION | PARAM | LOCK | REQUIRE | STEP | PARALLEL | FINALLY | ON_FAILURE | VERIFY
    | EXPECT | WHEN | UNLESS | RETRY | DELAY | BACKOFF | TIMEOUT | CONFIRM | UNDO | NEEDS | WITHIN | EVERY | CALL
    | INVARIANT | COMPARE | ON | AS | ROLLING | MAX_FAILURES | UNDO_ALL
    ;

// ---- tokens -------------------------------------------------------------------------------------

RUNBOOK     : 'runbook' ;
DESCRIPTION : 'description' ;
PARAM       : 'param' ;
LOCK        : 'lock' ;
REQUIRE     : 'require' ;
STEP        : 'step' ;
PARALLEL    : 'parallel' ;
FINALLY     : 'finally' ;
ON_FAILURE  : 'on_failure' ;
VERIFY      : 'verify' ;
EXPECT      : 'expect' ;
WHEN        : 'when' ;
UNLESS      : 'unless' ;
RETRY       : 'retry' ;
DELAY       : 'delay' ;
BACKOFF     : 'backoff' ;
TIMEOUT     : 'timeout' ;
CONFIRM     : 'confirm' ;
UNDO        : 'undo' ;
NEEDS       : 'needs' ;
WITHIN      : 'within' ;
EVERY       : 'every' ;
CALL        : 'call' ;
INVARIANT   : 'invariant' ;
COMPARE     : 'compare' ;
ON          : 'on' ;
AS          : 'as' ;
ROLLING     : 'rolling' ;
MAX_FAILURES : 'max_failures' ;
UNDO_ALL    : 'undo_all' ;
TRUE        : 'true' ;
FALSE       : 'false' ;
NULL        : 'null' ;
IN          : 'in' ;

LBRACE   : '{' ;
RBRACE   : '}' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
COMMA    : ',' ;
COLON    : ':' ;
DOT      : '.' ;
QUESTION : '?' ;
ASSIGN   : '=' ;
EQ       : '==' ;
NE       : '!=' ;
LE       : '<=' ;
GE       : '>=' ;
LT       : '<' ;
GT       : '>' ;
AND      : '&&' ;
OR       : '||' ;
BANG     : '!' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;
PERCENT  : '%' ;

DURATION   : (DIGITS ('ms' | 'h' | 'm' | 's'))+ ;
FLOAT      : DIGITS '.' DIGITS ;
INT        : DIGITS ;
TEXT_BLOCK : '"""' .*? '"""' ;
STRING     : '"' (~["\\\r\n] | '\\' .)* '"'
           | '\'' (~['\\\r\n] | '\\' .)* '\''
           ;
IDENT      : [A-Za-z_] [A-Za-z0-9_]* ;

COMMENT    : '#' ~[\r\n]* -> channel(HIDDEN) ;
LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;
WS         : [ \t\r\n\u000C]+ -> channel(HIDDEN) ;
UNKNOWN_CHAR : . ;

fragment DIGITS : [0-9]+ ;
