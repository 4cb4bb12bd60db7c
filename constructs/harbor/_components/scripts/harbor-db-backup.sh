#!/bin/bash
# Logical backup and restore of Harbor's database, run by the backup and restore CronJobs in the
# harbor-db image itself, with the client programs of the server's own major version (pg_dump refuses a
# newer server, pg_restore a newer archive).
#
#   harbor-db-backup.sh dump    DIR KEEP    dump $PGDATABASE into DIR, keep the KEEP newest dumps
#   harbor-db-backup.sh restore DIR [FILE]  replace $PGDATABASE with FILE (default: the newest in DIR)
#   harbor-db-backup.sh list    DIR         the dumps in DIR, oldest first
#
# The connection comes from libpq's variables: PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE.
# Tools: bash builtins, the PostgreSQL client programs of the image, rm and mv (coreutils; the image
# erases toybox and its own entrypoint runs rm), flock (util-linux, which the image's
# make/photon/db/Dockerfile.base installs), nothing else: no date, ls, sort, sed or awk.
set -euo pipefail
# a failing psql inside $(...) fails the script too (bash does not pass -e into command substitutions)
shopt -s nullglob inherit_errexit
export TZ=UTC

# Photon's postgresql<N> packages keep a major's programs in /usr/pgsql/<N>/bin (Harbor v2.15.1's
# make/photon/db/Dockerfile.base installs postgresql15 there). An image may hold several majors: v2.15.2
# keeps 15 for pg_upgrade beside the 18 it runs. use_server_programs picks the server's.
PROGRAMS_ROOT=/usr/pgsql
PGBIN=
# A dump is `registry-<UTC time>-schema<version>.dump`: names sort in time order, so a glob lists them
# oldest first, and the schema version (schema_migrations, golang-migrate's table) says which Harbor
# release can start on it. A dump in progress has a name the glob does not match.
PATTERN='registry-*.dump'

# how long a dump or a restore waits for another one on the same folder (the Jobs' deadline is an hour)
LOCK_WAIT=3000

log() { printf '%s harbor-db-backup: %s\n' "$(printf '%(%Y-%m-%dT%H:%M:%SZ)T' -1)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

lock_folder() { # one dump or restore at a time on folder $1; the lock goes with this process
    # concurrencyPolicy: Forbid keeps apart the runs of one CronJob only, not a run started by hand
    # (kubectl create job --from=cronjob/...) nor the restore's; and a dump clears the unfinished
    # files it finds, which would be another run's dump in progress
    local fd
    exec {fd}<"$1"
    if ! flock -n "$fd"; then
        log "another dump or restore is working in $1: waiting for it (at most ${LOCK_WAIT}s)"
        flock -w "$LOCK_WAIT" "$fd" || die "another dump or restore kept $1 for ${LOCK_WAIT}s"
    fi
}

use_server_programs() { # PGBIN: the client programs of the major version the server runs
    local clients=("$PROGRAMS_ROOT"/*/bin/psql) number major
    (( ${#clients[@]} )) || die "no PostgreSQL client programs in $PROGRAMS_ROOT/*/bin"
    # any psql can ask: the protocol is the same for every major
    number=$("${clients[0]}" -X -A -t -q -v ON_ERROR_STOP=1 -d postgres -c 'SHOW server_version_num')
    [[ $number =~ ^[0-9]+$ ]] || die "the server answered server_version_num '$number'"
    major=$(( number / 10000 ))
    PGBIN=$PROGRAMS_ROOT/$major/bin
    [[ -x $PGBIN/psql && -x $PGBIN/pg_dump && -x $PGBIN/pg_restore ]] \
        || die "the server runs PostgreSQL $major, and this image has no client programs for it in $PGBIN"
}

dumps() { # the dumps in $1, oldest first
    local files=("$1"/$PATTERN)
    (( ${#files[@]} )) && printf '%s\n' "${files[@]}"
    return 0
}

schema_version() { # "<version>" or "<version>-dirty" of database $1, "none" before Harbor's first start
    local row
    row=$("$PGBIN/psql" -X -A -t -q -v ON_ERROR_STOP=1 -d "$1" -c \
        "SELECT version::text || CASE WHEN dirty THEN '-dirty' ELSE '' END FROM schema_migrations LIMIT 1")
    printf '%s' "${row:-none}"
}

dump() {
    local dir=$1 keep=$2
    [[ -d $dir ]] || die "no folder $dir to write into"
    [[ $keep =~ ^[1-9][0-9]*$ ]] || die "KEEP must be a number of at least 1, got '$keep'"
    lock_folder "$dir"
    use_server_programs
    local version stamp name
    version=$(schema_version "$PGDATABASE")
    # a dirty schema (a migration that did not finish) is dumped all the same: it is still the only copy
    # of the data, and the README's upgrade runbook says what to do with it
    [[ $version == *-dirty ]] && log "warning: schema_migrations is dirty ($version): a migration did not finish"
    printf -v stamp '%(%Y%m%dT%H%M%SZ)T' -1
    name="registry-${stamp}-schema${version}.dump"
    # global: the EXIT trap runs after this function's locals are gone
    partial="$dir/.partial-$name"
    # leftovers of a run that was killed (the Job's deadline) never count as dumps
    rm -f -- "$dir"/.partial-*
    trap 'rm -f -- "$partial"' EXIT
    log "dumping database $PGDATABASE on $PGHOST:${PGPORT:-5432} (schema $version)"
    # custom format: compressed, and pg_restore can pick, reorder or list its parts; no owner and no
    # privileges: everything in Harbor's database belongs to the one user it connects as, so the dump
    # restores as whichever user owns the target database (another server, a CloudNativePG owner)
    "$PGBIN/pg_dump" --format=custom --compress=6 --no-owner --no-privileges --file="$partial" "$PGDATABASE"
    # a dump pg_restore cannot list is no backup: fail now, not on the day it is needed
    "$PGBIN/pg_restore" --list "$partial" >/dev/null || die "the dump $partial cannot be read back"
    mv -f -- "$partial" "$dir/$name"
    trap - EXIT
    log "wrote $dir/$name"
    local files=("$dir"/$PATTERN) i
    for (( i = 0; i < ${#files[@]} - keep; i++ )); do
        rm -f -- "${files[i]}"
        log "removed ${files[i]} (keeping the newest $keep)"
    done
}

restore() {
    local dir=$1 file=${2:-}
    # first: a dump running meanwhile would lose its session to the DROP below, and the newest dump is
    # the one it is writing
    if [[ -d $dir ]]; then lock_folder "$dir"; fi
    if [[ -z $file ]]; then
        local files=("$dir"/$PATTERN)
        (( ${#files[@]} )) || die "no dump ($PATTERN) in $dir"
        file=${files[-1]}
    fi
    [[ -f $file ]] || die "no dump $file"
    use_server_programs
    "$PGBIN/pg_restore" --list "$file" >/dev/null || die "$file is not a dump pg_restore can read"
    local db=$PGDATABASE
    [[ $db =~ ^[A-Za-z_][A-Za-z0-9_-]*$ ]] || die "PGDATABASE '$db' is not a plain database name"
    log "restoring $file into database $db on $PGHOST:${PGPORT:-5432}"
    # a fresh database, not pg_restore --clean: --clean drops only what the dump holds, so tables and
    # columns a newer migration added would survive a rollback. WITH (FORCE) (PostgreSQL 13 and later)
    # ends sessions still connected; the runbook stops Harbor's clients first. Encoding as Harbor's
    # make/photon/db/initial-registry.sql creates it.
    "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
    "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE \"$db\" ENCODING 'UTF8'"
    # one transaction: a restore that fails leaves an empty database, never half of one
    "$PGBIN/pg_restore" --dbname="$db" --no-owner --no-privileges --exit-on-error --single-transaction "$file"
    log "restored; schema_migrations reads $(schema_version "$db")"
}

case ${1:-} in
    dump) (( $# == 3 )) || die "usage: $0 dump DIR KEEP"; dump "$2" "$3" ;;
    restore) (( $# == 2 || $# == 3 )) || die "usage: $0 restore DIR [FILE]"; restore "$2" "${3:-}" ;;
    list) (( $# == 2 )) || die "usage: $0 list DIR"; dumps "$2" ;;
    *) die "usage: $0 dump DIR KEEP | restore DIR [FILE] | list DIR" ;;
esac
