#!KAMAILIO
#
# Switchboard SIP proxy and registrar (Kamailio 5.6).
#
# Rendered by scripts/stack/kamailio.ts. Placeholders:
#   {{SIP_PORT}}        UDP + TCP port for phone-network peers
#   {{WS_PORT}}         plain WebSocket port for browsers (ws://127.0.0.1:{{WS_PORT}})
#   {{DOMAIN}}          SIP domain agents register under (sip:<ext>@{{DOMAIN}})
#   {{AUTH_SECRET}}     shared secret for auth_ephemeral (the companion mints credentials)
#   {{RTPENGINE_NG}}    rtpengine ng control socket, e.g. udp:127.0.0.1:22222
#   {{CTL_SOCKET}}      per-run kamcmd socket path
#   {{COMPANION_URL}}   companion base URL (routing and caller-ID hooks)
#   {{DEBUG_LEVEL}}     core log level (2 = info)
#
# Identity: an agent is sip:<extension>@{{DOMAIN}}. The registrar ignores the domain
# (use_domain=0), so the extension alone is the address of record.

####### Global parameters #########

debug={{DEBUG_LEVEL}}
log_stderror=yes
log_prefix="[$mt $hdr(CSeq) $ci] "
memdbg=5
memlog=5
children=4
tcp_children=4
async_workers=2

auto_aliases=no
listen=udp:127.0.0.1:{{SIP_PORT}}
listen=tcp:127.0.0.1:{{SIP_PORT}}
listen=tcp:127.0.0.1:{{WS_PORT}}
# Explicit ports only: a port-less alias for 127.0.0.1 would make every local UA "myself"
# and break in-dialog routing to other UAs on this host.
alias=127.0.0.1:{{SIP_PORT}}
alias=127.0.0.1:{{WS_PORT}}

# WebSocket clients keep one TCP connection for the whole login.
tcp_connection_lifetime=3605
tcp_keepalive=yes
tcp_accept_no_cl=yes
tcp_rd_buf_size=16384

####### Modules ########

loadmodule "kex.so"
loadmodule "corex.so"
loadmodule "tm.so"
loadmodule "tmx.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
loadmodule "textops.so"
loadmodule "siputils.so"
loadmodule "xlog.so"
loadmodule "sanity.so"
loadmodule "ctl.so"
loadmodule "cfg_rpc.so"
loadmodule "pike.so"
loadmodule "nathelper.so"
loadmodule "auth.so"
loadmodule "auth_ephemeral.so"
loadmodule "xhttp.so"
loadmodule "websocket.so"
loadmodule "rtpengine.so"
loadmodule "http_client.so"
loadmodule "async.so"

# ----- ctl: kamcmd -s unix:{{CTL_SOCKET}} -----
modparam("ctl", "binrpc", "unix:{{CTL_SOCKET}}")

# ----- tm -----
modparam("tm", "failure_reply_mode", 3)
# Ring timeout after a 1xx (60 s); see t_set_fr in route[RELAY].
modparam("tm", "fr_timer", 30000)
modparam("tm", "fr_inv_timer", 60000)

# ----- rr: double Record-Route when the call crosses ws <-> udp/tcp -----
modparam("rr", "enable_full_lr", 0)
modparam("rr", "append_fromtag", 0)
modparam("rr", "enable_double_rr", 1)

# ----- usrloc / registrar: in memory -----
modparam("usrloc", "db_mode", 0)
modparam("usrloc", "use_domain", 0)
# A closed WebSocket (or TCP) connection drops its contacts at once.
modparam("usrloc", "handle_lost_tcp", 1)
modparam("usrloc", "close_expired_tcp", 1)
modparam("registrar", "method_filtering", 1)
modparam("registrar", "max_expires", 3600)
modparam("registrar", "min_expires", 30)
modparam("registrar", "received_avp", "$avp(RECEIVED)")
modparam("nathelper", "received_avp", "$avp(RECEIVED)")

# ----- auth_ephemeral: username "<expiry-epoch-seconds>:<extension>" -----
modparam("auth_ephemeral", "secret", "{{AUTH_SECRET}}")
modparam("auth_ephemeral", "username_format", 1)
modparam("auth_ephemeral", "sha_algorithm", 0)

# ----- pike: flood detection per source IP -----
# More than 64 requests in 2 s from one address blocks it. Loopback is exempt (see
# route[REQINIT]): on one host every peer (tests, the load bench, the companion, local
# browsers) shares 127.0.0.1, so limiting it would only throttle ourselves. Browsers of a
# call centre behind one NAT share an IP too, hence a generous density.
modparam("pike", "sampling_time_unit", 2)
modparam("pike", "reqs_density_per_unit", 64)
modparam("pike", "remove_latency", 4)

# ----- websocket: a silently dead client is pinged after 10 s idle and dropped
# within ~2x that -----
modparam("websocket", "keepalive_mechanism", 1)
modparam("websocket", "keepalive_timeout", 10)
modparam("websocket", "keepalive_processes", 1)
modparam("websocket", "keepalive_interval", 1)
modparam("websocket", "sub_protocols", 1)
modparam("websocket", "cors_mode", 0)

# ----- rtpengine (must be up before we start) -----
modparam("rtpengine", "rtpengine_sock", "{{RTPENGINE_NG}}")
modparam("rtpengine", "rtpengine_disable_tout", 5)
modparam("rtpengine", "rtpengine_tout_ms", 1000)
modparam("rtpengine", "rtpengine_retr", 2)

# ----- http_client: the companion -----
# query_result=0 keeps the whole body (default is its first line only).
modparam("http_client", "httpcon", "companion=>{{COMPANION_URL}}")
modparam("http_client", "query_result", 0)
modparam("http_client", "connection_timeout", 2)

####### Flags #######
# branch flags
#!define FLB_RTPE_TO_WS 6
#!define FLB_RTPE_TO_SIP 7

####### Routing logic ########

request_route {
	route(REQINIT);

	if (nat_uac_test("64")) {
		# From a WebSocket: the client cannot know its own address (Contact *.invalid),
		# so remember the real source (RFC 7118 without Outbound/Path).
		force_rport();
		if (is_method("REGISTER")) {
			fix_nated_register();
		} else if (!add_contact_alias()) {
			xlog("L_ERR", "cannot alias contact <$ct>\n");
			sl_send_reply("400", "Bad Request");
			exit;
		}
	}

	if (is_method("CANCEL")) {
		if (t_check_trans()) {
			route(RELAY);
		}
		exit;
	}

	route(WITHINDLG);

	# retransmissions
	if (!is_method("ACK")) {
		if (t_precheck_trans()) {
			t_check_trans();
			exit;
		}
		t_check_trans();
	}

	route(AUTH);

	remove_hf("Route");
	if (is_method("INVITE|SUBSCRIBE")) {
		record_route();
	}

	if (is_method("REGISTER")) {
		route(REGISTRAR);
	}

	if ($rU == $null) {
		sl_send_reply("484", "Address Incomplete");
		exit;
	}

	if (!route(LOCAL_DOMAIN)) {
		# Not ours. Outbound calls to the phone network are decided by the companion
		# later; until then nothing is relayed elsewhere.
		sl_send_reply("403", "Relaying Forbidden");
		exit;
	}

	# ---- Later: virtual numbers ------------------------------------------------
	# An INVITE from the phone-network side for a virtual number (not an extension)
	# will ask the companion where it goes: send 100 Trying, then run
	# route(COMPANION_ROUTE) via async_task_route so a slow lookup never blocks other
	# calls, e.g. http_connect("companion", "/sip/route?to=$(rU{s.urlencode.param})...",
	# "$var(body)") and append one branch per target it returns.
	# -------------------------------------------------------------------------------

	route(LOCATION);
}

route[REQINIT] {
	if ($si != "127.0.0.1" && !pike_check_req()) {
		xlog("L_ALERT", "pike blocking $rm from $fu (IP:$si:$sp)\n");
		exit;
	}

	if (!mf_process_maxfwd_header("10")) {
		sl_send_reply("483", "Too Many Hops");
		exit;
	}

	if (is_method("OPTIONS") && uri == myself && $rU == $null) {
		sl_send_reply("200", "Keepalive");
		exit;
	}

	if (!sanity_check("17895", "7")) {
		xlog("L_WARN", "malformed SIP message from $si:$sp\n");
		exit;
	}
}

# In-dialog requests follow the Record-Route set.
route[WITHINDLG] {
	if (!has_totag()) return;

	if (loose_route()) {
		if (!isdsturiset()) {
			# R-URI is the far end's contact; for a WebSocket client it carries our alias.
			handle_ruri_alias();
		}
		if (is_method("BYE")) {
			route(RTPE_DELETE);
		} else if (is_method("INVITE|UPDATE") && has_body("application/sdp")) {
			# re-INVITE: media goes through rtpengine only when the call was set up so
			route(RTPE_REOFFER);
		}
		route(RELAY);
		exit;
	}

	if (is_method("ACK")) {
		if (t_check_trans()) {
			# ACK for a negative reply: stateful relay
			route(RELAY);
		}
		exit;
	}
	sl_send_reply("404", "Not here");
	exit;
}

# Local domain: the configured domain or one of our own sockets.
route[LOCAL_DOMAIN] {
	if (uri == myself) return 1;
	if ($rd == "{{DOMAIN}}" && $(ru{uri.port}) == "") return 1;
	return -1;
}

# Phone-network peers on loopback (UDP/TCP SIP port) are trusted for now; everything
# else, and every REGISTER, needs ephemeral credentials whose user is the From user.
route[AUTH] {
	if (!is_method("REGISTER") && $si == "127.0.0.1" && $Rp == {{SIP_PORT}}
			&& ($proto == "udp" || $proto == "tcp")) {
		return;
	}

	if (is_method("ACK|CANCEL|PRACK")) return;

	if (!autheph_check("{{DOMAIN}}")) {
		auth_challenge("{{DOMAIN}}", "1");
		exit;
	}
	if (!autheph_check_from()) {
		sl_send_reply("403", "Forbidden: From does not match credentials");
		exit;
	}
	if (is_method("REGISTER") && !autheph_check_to()) {
		sl_send_reply("403", "Forbidden: To does not match credentials");
		exit;
	}
	consume_credentials();
}

route[REGISTRAR] {
	if (!save("location")) {
		sl_reply_error();
	}
	exit;
}

route[LOCATION] {
	$var(rc) = lookup("location");
	if ($var(rc) < 0) {
		switch ($var(rc)) {
			case -1:
				# not registered (or never logged in)
				send_reply("404", "Not Found");
				exit;
			case -2:
				send_reply("405", "Method Not Allowed");
				exit;
		}
		send_reply("500", "Server Internal Error");
		exit;
	}
	if (is_method("INVITE")) {
		route(RTPE_MARK_DIALOG);
	}
	route(RELAY);
	exit;
}

route[RELAY] {
	if (is_method("INVITE|BYE|UPDATE|SUBSCRIBE|NOTIFY")) {
		if (!t_is_set("branch_route")) t_on_branch("MANAGE_BRANCH");
	}
	if (is_method("INVITE|UPDATE|BYE|SUBSCRIBE|NOTIFY|PRACK|ACK|CANCEL|MESSAGE|INFO|REFER")) {
		if (!t_is_set("onreply_route")) t_on_reply("MANAGE_REPLY");
	}
	if (is_method("INVITE")) {
		if (!t_is_set("failure_route")) t_on_failure("MANAGE_FAILURE");
		# 60 s ring timeout after a 1xx; 30 s for the first provisional.
		t_set_fr(60000, 30000);
	}
	if (!t_relay()) {
		sl_reply_error();
	}
	exit;
}

####### Media: rtpengine bridges WebSocket (WebRTC) <-> plain SIP legs #######

# Is $var(u) (a destination or request URI) a WebSocket contact?
route[IS_WS_TARGET] {
	if ($var(u) =~ ";transport=wss?([;>]|$)") return 1;
	return -1;
}

# Before relaying an INVITE: if any branch crosses ws <-> sip, tag the dialog
# (Record-Route param) so the BYE knows to tear the rtpengine session down.
route[RTPE_MARK_DIALOG] {
	$var(from_ws) = 0;
	if (nat_uac_test("64")) $var(from_ws) = 1;
	$var(mixed) = 0;
	$var(i) = -1;
	while ($var(i) < $branch(count) && $var(mixed) == 0) {
		if ($var(i) < 0) {
			$var(u) = $ru;
			if (isdsturiset()) $var(u) = $du;
		} else {
			$var(u) = $(branch(uri)[$var(i)]);
			if ($(branch(dst_uri)[$var(i)]) != $null && $(branch(dst_uri)[$var(i)]) != "") {
				$var(u) = $(branch(dst_uri)[$var(i)]);
			}
		}
		$var(to_ws) = 0;
		if (route(IS_WS_TARGET)) $var(to_ws) = 1;
		if ($var(to_ws) != $var(from_ws)) $var(mixed) = 1;
		$var(i) = $var(i) + 1;
	}
	if ($var(mixed) == 1) add_rr_param(";rtpe=1");
}

branch_route[MANAGE_BRANCH] {
	# Initial INVITEs only: re-INVITEs are handled once in route[RTPE_REOFFER].
	if (!is_method("INVITE") || has_totag() || !has_body("application/sdp")) return;
	$var(u) = $ru;
	if (isdsturiset()) $var(u) = $du;
	$var(to_ws) = 0;
	if (route(IS_WS_TARGET)) $var(to_ws) = 1;
	$var(from_ws) = 0;
	if (nat_uac_test("64")) $var(from_ws) = 1;

	if ($var(to_ws) == $var(from_ws)) {
		# ws <-> ws: direct WebRTC media; sip <-> sip: plain RTP end to end.
		return;
	}
	# Offer per branch so ring-then-voicemail (browser, then a plain SIP UA) works.
	if ($var(to_ws) == 1) {
		setbflag(FLB_RTPE_TO_WS);
		rtpengine_offer("replace-origin replace-session-connection ICE=force RTP/SAVPF rtcp-mux-offer generate-mid SDES-off");
	} else {
		setbflag(FLB_RTPE_TO_SIP);
		rtpengine_offer("replace-origin replace-session-connection ICE=remove RTP/AVP rtcp-mux-demux DTLS=off SDES-off");
	}
}

onreply_route[MANAGE_REPLY] {
	if (nat_uac_test("64")) {
		# reply from a WebSocket client: alias its contact for in-dialog routing
		add_contact_alias();
	}
	if (!has_body("application/sdp")) return;
	if (status =~ "(18[0-9])|(2[0-9][0-9])") {
		# The answer goes back to the caller: the opposite kind of leg to the branch.
		if (isbflagset(FLB_RTPE_TO_WS)) {
			rtpengine_answer("replace-origin replace-session-connection ICE=remove RTP/AVP rtcp-mux-demux DTLS=off SDES-off");
		} else if (isbflagset(FLB_RTPE_TO_SIP)) {
			rtpengine_answer("replace-origin replace-session-connection ICE=force RTP/SAVPF rtcp-mux-offer generate-mid SDES-off");
		}
	}
}

failure_route[MANAGE_FAILURE] {
	if (isbflagset(FLB_RTPE_TO_WS) || isbflagset(FLB_RTPE_TO_SIP)) {
		rtpengine_delete();
	}
	if (t_is_canceled()) exit;
}

route[RTPE_DELETE] {
	if (check_route_param("rtpe=1")) {
		rtpengine_delete();
	}
}

# A re-INVITE inside a bridged dialog: offer toward the receiving leg.
route[RTPE_REOFFER] {
	if (!check_route_param("rtpe=1")) return;
	if (nat_uac_test("64")) {
		rtpengine_offer("replace-origin replace-session-connection ICE=remove RTP/AVP rtcp-mux-demux DTLS=off SDES-off");
		t_on_reply("REOFFER_TO_SIP_REPLY");
	} else {
		rtpengine_offer("replace-origin replace-session-connection ICE=force RTP/SAVPF rtcp-mux-offer generate-mid SDES-off");
		t_on_reply("REOFFER_TO_WS_REPLY");
	}
}

onreply_route[REOFFER_TO_SIP_REPLY] {
	if (status =~ "2[0-9][0-9]" && has_body("application/sdp")) {
		rtpengine_answer("replace-origin replace-session-connection ICE=force RTP/SAVPF rtcp-mux-offer generate-mid SDES-off");
	}
}

onreply_route[REOFFER_TO_WS_REPLY] {
	if (nat_uac_test("64")) add_contact_alias();
	if (status =~ "2[0-9][0-9]" && has_body("application/sdp")) {
		rtpengine_answer("replace-origin replace-session-connection ICE=remove RTP/AVP rtcp-mux-demux DTLS=off SDES-off");
	}
}

####### WebSocket handshake #######

event_route[xhttp:request] {
	set_reply_close();
	set_reply_no_connect();

	if ($Rp != {{WS_PORT}}) {
		xhttp_reply("403", "Forbidden", "", "");
		exit;
	}

	if ($hdr(Upgrade) =~ "websocket" && $hdr(Connection) =~ "Upgrade" && $rm =~ "GET") {
		# ws_handle_handshake() exits on failure
		if (ws_handle_handshake()) {
			exit;
		}
	}

	xhttp_reply("404", "Not Found", "", "");
}

event_route[websocket:closed] {
	xlog("L_INFO", "WebSocket connection from $si:$sp has closed\n");
}
