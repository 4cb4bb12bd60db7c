#!/bin/sh
# The bucket side of Harbor's database backups, run by rclone's image (Alpine: a POSIX shell, sort).
#
#   bucket.sh upload DIR REMOTE KEEP   copy the dumps of DIR to REMOTE, then keep the KEEP newest there
#   bucket.sh fetch  REMOTE DIR [NAME] copy dump NAME of REMOTE (default: the newest) into DIR, for a restore
#
# REMOTE is `backup:<bucket>/<prefix>`; rclone reads the remote `backup` from RCLONE_CONFIG_BACKUP_*
# variables (type, provider, endpoint, region, keys), so no config file is written. Dumps are
# `registry-<UTC time>-schema<version>.dump` (harbor-db-backup.sh): sorted by name, they are in time order.
set -eu
PATTERN='registry-*.dump'

log() { echo "bucket: $*" >&2; }

names() { # the dumps in REMOTE $1, oldest first
    rclone lsf --files-only --include "$PATTERN" "$1" | sort
}

case "${1:-}" in
upload)
    [ $# -eq 4 ] || { log "usage: $0 upload DIR REMOTE KEEP"; exit 2; }
    dir=$2 remote=$3 keep=$4
    case "$keep" in ''|*[!0-9]*|0*) log "KEEP must be a number of at least 1, got '$keep'"; exit 2 ;; esac
    # --immutable: a dump already in the bucket is never overwritten by a different one of that name
    rclone copy --immutable --include "$PATTERN" "$dir" "$remote"
    # rclone checks each upload's size and checksum; a dump missing afterwards is a failure
    for file in "$dir"/$PATTERN; do
        [ -e "$file" ] || { log "no dump in $dir to upload"; exit 1; }
        name=${file##*/}
        names "$remote" | grep -qx "$name" || { log "$name is not in $remote after the upload"; exit 1; }
        log "uploaded $name to $remote"
    done
    total=$(names "$remote" | wc -l)
    excess=$((total - keep))
    for name in $(names "$remote"); do
        [ "$excess" -gt 0 ] || break
        rclone deletefile "$remote/$name"
        log "removed $name from $remote (keeping the newest $keep)"
        excess=$((excess - 1))
    done
    ;;
fetch)
    [ $# -eq 3 ] || [ $# -eq 4 ] || { log "usage: $0 fetch REMOTE DIR [NAME]"; exit 2; }
    remote=$2 dir=$3 name=${4:-}
    if [ -z "$name" ]; then
        name=$(names "$remote" | tail -n 1)
        [ -n "$name" ] || { log "no dump ($PATTERN) in $remote"; exit 1; }
    elif ! names "$remote" | grep -qxF -- "$name"; then
        log "no dump $name in $remote; it holds:"; names "$remote" >&2; exit 1
    fi
    rclone copyto "$remote/$name" "$dir/$name"
    log "fetched $name from $remote"
    ;;
*)
    log "usage: $0 upload DIR REMOTE KEEP | fetch REMOTE DIR [NAME]"; exit 2 ;;
esac
