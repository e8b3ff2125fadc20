//! A real `shoebox-server` process: started with `--listen 127.0.0.1:0`, its address and token
//! read from the startup line, killed (gracefully or with SIGKILL) by the test.
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub struct ServerProcess {
    pub child: Child,
    pub addr: SocketAddr,
    pub token: Option<String>,
    pub line: String,
}

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_shoebox-server")
}

impl ServerProcess {
    pub fn start(data_dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> Self {
        Self::start_on("127.0.0.1:0", data_dir, extra, env)
    }

    /// [`ServerProcess::start`] on a given address (a restart keeps its clients' URLs).
    pub fn start_on(listen: &str, data_dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> Self {
        let mut cmd = Command::new(binary());
        cmd.args(["--listen", listen, "--data-dir"]).arg(data_dir).args(extra).stdout(Stdio::piped()).stderr(Stdio::inherit());
        for k in ["SHOEBOX_TOKENS", "SHOEBOX_LISTEN", "SHOEBOX_DATA_DIR", "SHOEBOX_CORS_ORIGINS", "SHOEBOX_APP_DIR"] {
            cmd.env_remove(k);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("start shoebox-server");
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in out.lines() {});
        let line = line.trim().to_string();
        let url = line.strip_prefix("Shoebox is running: open http://").unwrap_or_else(|| panic!("unexpected startup line {line:?}"));
        let (addr, rest) = url.split_once('/').unwrap();
        let token = rest.strip_prefix("?token=").map(str::to_string);
        ServerProcess { child, addr: addr.parse().unwrap(), token, line }
    }

    pub fn kill9(&mut self) {
        // Child::kill sends SIGKILL on Unix: no cleanup code in the server runs.
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
