//! A fault-injecting TCP proxy for the engine-against-server tests. For each connection that
//! carries a tus request (`/files`), a seeded choice: no fault, a cut after some client→server
//! bytes, a stall (nothing forwarded, the socket held open), a delay, a burst of 503s answered
//! without forwarding, or a reset partway through the server's response. The handshake and
//! the JSON API pass untouched, so the engine still knows it talks to a Shoebox server.
use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    Cut,
    Stall,
    Delay,
    Burst503,
    ResetResponse,
}

pub const KINDS: [Fault; 5] = [Fault::Cut, Fault::Stall, Fault::Delay, Fault::Burst503, Fault::ResetResponse];

pub struct FaultProxy {
    pub addr: SocketAddr,
    counts: Arc<[AtomicU64; 5]>,
    stop: Arc<AtomicBool>,
}

impl FaultProxy {
    /// How many of each fault were injected so far.
    pub fn injected(&self, f: Fault) -> u64 {
        self.counts[KINDS.iter().position(|k| *k == f).unwrap()].load(Ordering::Relaxed)
    }

    /// Forward to `to`; a tus connection gets a fault with probability `percent`/100.
    pub fn start(to: SocketAddr, seed: u64, percent: u64) -> FaultProxy {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap();
        let counts: Arc<[AtomicU64; 5]> = Arc::new(Default::default());
        let stop = Arc::new(AtomicBool::new(false));
        let (counts2, stop2) = (counts.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut x = seed | 1;
            let mut rnd = move || {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x
            };
            let mut burst = 0u64;
            for c in l.incoming() {
                if stop2.load(Ordering::Relaxed) {
                    break;
                }
                let Ok(mut client) = c else { continue };
                client.set_read_timeout(Some(Duration::from_secs(20))).ok();
                // The request line decides whether this connection may suffer a fault.
                let mut first = vec![0u8; 16 * 1024];
                let n = match client.read(&mut first) {
                    Ok(n) if n > 0 => n,
                    _ => continue,
                };
                first.truncate(n);
                let line = String::from_utf8_lossy(&first[..n.min(200)]).into_owned();
                let tus = line.split(' ').nth(1).is_some_and(|p| p.starts_with("/files"));
                let fault = if !tus {
                    None
                } else if burst > 0 {
                    burst -= 1;
                    Some(Fault::Burst503)
                } else if rnd() % 100 < percent {
                    // Stalls cost the client its whole read timeout: rarer than the others.
                    const WEIGHTS: [u64; 5] = [3, 1, 2, 2, 3];
                    let mut pick = rnd() % WEIGHTS.iter().sum::<u64>();
                    let i = WEIGHTS
                        .iter()
                        .position(|w| {
                            if pick < *w {
                                true
                            } else {
                                pick -= w;
                                false
                            }
                        })
                        .unwrap_or(0);
                    let f = KINDS[i];
                    if f == Fault::Burst503 {
                        burst = rnd() % 3;
                    }
                    Some(f)
                } else {
                    None
                };
                if let Some(f) = fault {
                    counts2[KINDS.iter().position(|k| *k == f).unwrap()].fetch_add(1, Ordering::Relaxed);
                }
                let (cut_at, reset_at, delay_ms) = (rnd() % 400_000, 1 + rnd() % 120, 50 + rnd() % 250);
                std::thread::spawn(move || serve(client, first, to, fault, cut_at, reset_at, delay_ms));
            }
        });
        FaultProxy { addr, counts, stop }
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = TcpStream::connect(self.addr);
    }
}

fn serve(mut client: TcpStream, first: Vec<u8>, to: SocketAddr, fault: Option<Fault>, cut_at: u64, reset_at: u64, delay_ms: u64) {
    match fault {
        Some(Fault::Burst503) => {
            let body = "overloaded, try again";
            let _ = write!(client, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
            let _ = client.shutdown(Shutdown::Both);
            return;
        }
        Some(Fault::Stall) => {
            // Swallow what comes and answer nothing, keeping the socket open for a while.
            let mut sink = [0u8; 16 * 1024];
            let _ = client.set_read_timeout(Some(Duration::from_secs(8)));
            while matches!(client.read(&mut sink), Ok(n) if n > 0) {}
            return;
        }
        Some(Fault::Delay) => std::thread::sleep(Duration::from_millis(delay_ms)),
        _ => {}
    }
    let Ok(mut server) = TcpStream::connect(to) else { return };
    let (mut s2, mut c2) = (server.try_clone().unwrap(), client.try_clone().unwrap());
    let cut = (fault == Some(Fault::Cut)).then_some(cut_at);
    let up = std::thread::spawn(move || {
        let mut sent = 0u64;
        let mut chunk = first;
        loop {
            if let Some(limit) = cut {
                if sent + chunk.len() as u64 > limit {
                    let _ = server.write_all(&chunk[..(limit - sent) as usize]);
                    let _ = server.shutdown(Shutdown::Both);
                    let _ = client.shutdown(Shutdown::Both);
                    return;
                }
            }
            if server.write_all(&chunk).is_err() {
                return;
            }
            sent += chunk.len() as u64;
            let mut buf = vec![0u8; 16 * 1024];
            match client.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    buf.truncate(n);
                    chunk = buf;
                }
            }
        }
        let _ = server.shutdown(Shutdown::Write);
    });
    // Server → client: whole, or only the first bytes of the answer before a reset.
    if fault == Some(Fault::ResetResponse) {
        let mut buf = vec![0u8; reset_at as usize];
        let _ = s2.read_exact(&mut buf).map(|_| c2.write_all(&buf));
        let _ = s2.shutdown(Shutdown::Both);
        let _ = c2.shutdown(Shutdown::Both);
    } else {
        let _ = std::io::copy(&mut s2, &mut c2);
        let _ = c2.shutdown(Shutdown::Both);
    }
    let _ = up.join();
}
