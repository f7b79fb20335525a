# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the bench-*.sh scripts: the reference peer they measure against.
#   start_reference_nginx WORKDIR
# starts nginx in the foreground (one worker, no access log) answering `return 204` on a free port
# of 127.0.0.1, with its config, temp folders and error log under WORKDIR; sets nginx_pid and
# nginx_port, and returns once it accepts connections. The caller stops it (kill "$nginx_pid").
start_reference_nginx() {
    local work=$1 bin
    bin=$(command -v nginx || echo /usr/sbin/nginx)
    [ -x "$bin" ] || { echo "needs nginx" >&2; return 1; }
    mkdir -p "$work"
    nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    cat > "$work/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
error_log $work/error.log;
pid $work/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        location / { return 204; }
    }
}
CONF
    "$bin" -p "$work" -c "$work/nginx.conf" &
    nginx_pid=$!
    for _ in $(seq 50); do
        (exec 3<>"/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nginx did not start (see $work/error.log)" >&2
    return 1
}
