//! OSC out, kept thin: a message is an address and arguments; [`encode`] makes the OSC 1.0
//! packet (through `rosc`), [`send`] puts each message in one UDP datagram to a host, as QLab
//! expects on port 53000. What to send is decided elsewhere (`cuesheet::format::qlab`) and
//! tested without a socket.

use std::net::{SocketAddr, ToSocketAddrs, UdpSocket};

/// One OSC message.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// `/cue/selected/name`: fixed text, never scene text.
    pub address: &'static str,
    pub args: Vec<Arg>,
}

/// An OSC argument.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A string (OSC strings end at a NUL, so callers strip control characters first).
    Str(String),
    Float(f32),
    Int(i32),
}

/// The OSC 1.0 packet of `message`.
pub fn encode(message: &Message) -> Result<Vec<u8>, String> {
    let args = message
        .args
        .iter()
        .map(|a| match a {
            Arg::Str(s) => rosc::OscType::String(s.replace('\0', "")),
            Arg::Float(f) => rosc::OscType::Float(*f),
            Arg::Int(i) => rosc::OscType::Int(*i),
        })
        .collect();
    let packet = rosc::OscPacket::Message(rosc::OscMessage {
        addr: message.address.to_string(),
        args,
    });
    rosc::encoder::encode(&packet).map_err(|e| format!("cannot encode an OSC message: {e}"))
}

/// Why sending failed, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError(pub String);

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where `target` (`HOST:PORT`) points: the first address it resolves to.
pub fn resolve(target: &str) -> Result<SocketAddr, SendError> {
    let mut addrs = target.to_socket_addrs().map_err(|e| {
        SendError(format!(
            "cannot resolve `{target}`: {e} (give HOST:PORT, e.g. 127.0.0.1:53000)"
        ))
    })?;
    addrs
        .next()
        .ok_or_else(|| SendError(format!("`{target}` resolves to no address")))
}

/// Sends each message in its own UDP datagram to `to`, in order. A refusal reported by the
/// network (nothing listening on a local port) stops the sending with an error.
pub fn send(to: SocketAddr, messages: &[Message]) -> Result<usize, SendError> {
    let local: SocketAddr = if to.is_ipv4() {
        ([0, 0, 0, 0], 0).into()
    } else {
        ([0u16; 8], 0).into()
    };
    let socket =
        UdpSocket::bind(local).map_err(|e| SendError(format!("cannot open a UDP socket: {e}")))?;
    // Connected, so an ICMP "port unreachable" comes back as an error on a later send.
    socket
        .connect(to)
        .map_err(|e| SendError(format!("cannot reach {to}: {e}")))?;
    for (i, message) in messages.iter().enumerate() {
        let bytes = encode(message).map_err(SendError)?;
        socket.send(&bytes).map_err(|e| {
            SendError(format!(
                "sending message {} of {} to {to} failed: {e}",
                i + 1,
                messages.len()
            ))
        })?;
        // A moment between datagrams so a receiver's buffer never overflows on a long list.
        if i % 64 == 63 {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
    Ok(messages.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_encodes_and_decodes() {
        let m = Message {
            address: "/cue/selected/name",
            args: vec![
                Arg::Str("a \"b\"\n\0c".into()),
                Arg::Float(1.5),
                Arg::Int(2),
            ],
        };
        let bytes = encode(&m).unwrap();
        let (_, packet) = rosc::decoder::decode_udp(&bytes).unwrap();
        let rosc::OscPacket::Message(back) = packet else {
            panic!("not a message")
        };
        assert_eq!(back.addr, "/cue/selected/name");
        assert_eq!(
            back.args,
            vec![
                rosc::OscType::String("a \"b\"\nc".into()),
                rosc::OscType::Float(1.5),
                rosc::OscType::Int(2)
            ]
        );
    }

    #[test]
    fn sent_messages_arrive_in_order_and_decode() {
        let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
        socket
            .set_read_timeout(Some(std::time::Duration::from_secs(2)))
            .unwrap();
        let messages: Vec<Message> = (0..100)
            .map(|i| Message {
                address: "/cue/selected/preWait",
                args: vec![Arg::Float(i as f32 / 4.0), Arg::Str(format!("cue {i}"))],
            })
            .collect();
        assert_eq!(send(socket.local_addr().unwrap(), &messages), Ok(100));
        let mut buf = [0u8; 1024];
        for (i, m) in messages.iter().enumerate() {
            let n = socket.recv(&mut buf).unwrap();
            let (_, packet) = rosc::decoder::decode_udp(&buf[..n]).unwrap();
            let rosc::OscPacket::Message(back) = packet else {
                panic!("not a message")
            };
            assert_eq!(back.addr, m.address);
            assert_eq!(
                back.args,
                vec![
                    rosc::OscType::Float(i as f32 / 4.0),
                    rosc::OscType::String(format!("cue {i}"))
                ]
            );
        }
    }

    #[test]
    fn a_refused_send_is_an_error() {
        let closed = UdpSocket::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        let many = vec![
            Message {
                address: "/new",
                args: vec![Arg::Str("memo".into())],
            };
            50
        ];
        let error = send(closed, &many).unwrap_err();
        assert!(error.0.contains("refused"), "{error}");
    }

    #[test]
    fn a_bad_target_is_an_error_not_a_panic() {
        assert!(resolve("no-port").is_err());
        assert!(resolve("host.invalid:53000").is_err());
        assert!(resolve("127.0.0.1:53000").is_ok());
    }
}
