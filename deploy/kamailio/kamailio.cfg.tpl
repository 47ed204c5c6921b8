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
#   {{HOOK_URL}}        the companion's loopback-only hook listener (HOOK_PORT): /internal/sip/*
#   {{HOOK_CON_URL}}    the hook listener as the pooled "companion" connection that every hook uses:
#                       HOOK_URL with the hook token (hookToken(secret)) as the Basic password, which
#                       http_client sends in the Authorization header; the paths it is asked for carry
#                       no credentials, so no log line can print the token
#   {{GATEWAY_SOURCES}} regex over "<source ip>:<source port>": the phone-network gateways
#                       (PSTN_GATEWAY host:port plus INBOUND_GATEWAYS), the only trusted senders
#   {{WS_ORIGINS}}      regex of the Origins (PUBLIC_ORIGINS) a browser may open the WebSocket from
#   {{FAILSAFE_URI}}    where a virtual-number call goes when the companion is unreachable
#                       (sip:<ext>@{{DOMAIN}} or an external number at the gateway); empty: 503
#   {{DEBUG_LEVEL}}     core log level (2 = info)
#   {{EXTENSION_RE}}    dial plan (src/common/dial-plan.ts): an agent's extension
#   {{PHONE_NUMBER_RE}} dial plan: a phone number (a virtual number, or a customer's number)
#   {{E164_RE}}         dial plan: an E.164 number (caller IDs we assert, texts' senders)
#   {{PHONE_NUMBER_DIGITS}}, {{E164_DIGITS}}  the same, unanchored, inside longer patterns
#   {{VOICEMAIL_ADDR}}  host:port of the voicemail service (UDP), for the voice portal
#   {{EXTENSION_RING_MS}} ring timeout of calls between extensions (EXTENSION_RING_SECONDS, src/common/calls.ts)
#
# Identity: an agent is sip:<extension>@{{DOMAIN}}. The registrar ignores the domain
# (use_domain=0), so the extension alone is the address of record.
#
# Numbers (the dial plan, rendered from src/common/dial-plan.ts): an extension matches
# {{EXTENSION_RE}}, a phone number {{PHONE_NUMBER_RE}}. An INVITE for a phone number
# from the phone-network side is routed step by step as the companion says (see
# "Virtual numbers" below). Kamailio holds no business rule: it asks, obeys, and reports.

####### Global parameters #########

debug={{DEBUG_LEVEL}}
log_stderror=yes
log_prefix="[$mt $hdr(CSeq) $ci] "
memdbg=5
memlog=5
children=4
tcp_children=4
# Route lookups and call events to the companion run in these workers (never in the SIP
# workers), so a slow answer delays only its own call. (One pool: async_task_group_data()
# of Kamailio 5.6.3 fails with "no async data", so events cannot get a group of their own.)
async_workers=8

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
loadmodule "json.so"
loadmodule "htable.so"
loadmodule "dialog.so"
# outbound calls: From rewritten to the allowed caller ID, restored on the way back
loadmodule "uac.so"

# ----- ctl: kamcmd -s unix:{{CTL_SOCKET}} -----
modparam("ctl", "binrpc", "unix:{{CTL_SOCKET}}")

# ----- tm -----
modparam("tm", "failure_reply_mode", 3)
# Ring timeout after a 1xx (60 s); see t_set_fr in route[RELAY].
modparam("tm", "fr_timer", 30000)
modparam("tm", "fr_inv_timer", 60000)

# ----- rr: double Record-Route when the call crosses ws <-> udp/tcp -----
modparam("rr", "enable_full_lr", 0)
# ftag in the Record-Route (in-dialog decisions use the dialog module, not Route params).
modparam("rr", "append_fromtag", 1)
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
# The module logs the secret at INFO while reading it: read it at NOTICE so it is never written.
debug=1
modparam("auth_ephemeral", "secret", "{{AUTH_SECRET}}")
debug={{DEBUG_LEVEL}}
modparam("auth_ephemeral", "username_format", 1)
modparam("auth_ephemeral", "sha_algorithm", 0)

# ----- pike: flood detection per source IP -----
# More than 64 requests in 2 s from one address blocks it, for every sender except the
# configured phone-network gateways (route[REQINIT]): loopback is not exempt, so a local
# process cannot flood either. Browsers of a call centre behind one NAT share an IP, hence
# a generous density.
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
modparam("http_client", "query_result", 0)
# A companion that does not answer within 1 s counts as unreachable (fail-safe routing).
# The token always travels in a header (never in the URL, which Kamailio's own error lines
# print); this is the hooks' timeout too (the default is 4 s).
modparam("http_client", "connection_timeout", 1)
# Pooled connections: each Kamailio process keeps its connection to the companion's hook
# listener open between queries (no TCP connect per call). They need a named connection
# (httpcon, used with http_connect), which cannot send headers of its own, so the hook token
# goes as the password of HTTP Basic authorization: still a header, never in a URL (the
# connection's URL that error lines print carries no credentials). authmethod 1 sends it at
# once (several methods would cost a probe round trip). These must come before httpcon.
modparam("http_client", "keep_connections", 1)
modparam("http_client", "authmethod", 1)
modparam("http_client", "httpcon", "companion=>{{HOOK_CON_URL}}")

# ----- htable: per-call facts already reported (a 200 retransmitted or forked twice) -----
modparam("htable", "htable", "vncall=>size=10;autoexpire=7200;")
# ----- htable: revoked extensions (the companion sets <extension> => the last expiry it revokes, via kamcmd) -----
modparam("htable", "htable", "revoked=>size=8;autoexpire=900;")
# Each extension's organisation, as the companion said (an agent reaches only its own organisation).
# Learned at each REGISTER and kept through a companion outage, so agents keep calling each other;
# the companion drops an entry when the extension changes hands (sip-control/kamailio-control.ts).
modparam("htable", "htable", "extorg=>size=8;autoexpire=86400;")
# Which extension registered over each WebSocket connection (proto:ip:port), while it is open.
modparam("htable", "htable", "wsreg=>size=10;autoexpire=3700;")

# ----- dialog: every call (dlg_manage() on each initial INVITE); in-dialog requests must belong
# to one (route[WITHINDLG]). Facts about a call live in dialog variables, never in Route params. -----
modparam("dialog", "default_timeout", 43200)
modparam("dialog", "dlg_match_mode", 0)

####### Flags #######
# branch flags
#!define FLB_RTPE_TO_WS 6
#!define FLB_RTPE_TO_SIP 7
# plain SIP on both sides, anchored through rtpengine (virtual-number calls)
#!define FLB_RTPE_SIP_SIP 8
# transaction flags
#!define FLT_VNUM 8
# an agent's call to the phone network
#!define FLT_OUTBOUND 12
# an agent's call to another extension (reported once over: route[INTERNAL_REPORT])
#!define FLT_INTERNAL 13

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
	if (is_method("INVITE")) route(DLG_TRACK);

	if (is_method("REGISTER")) {
		$var(src_reg) = $proto + ":" + $si + ":" + $sp;
		route(REGISTRAR);
	}

	if ($rU == $null) {
		sl_send_reply("484", "Address Incomplete");
		exit;
	}

	if (is_method("INVITE") && !route(FROM_PHONE_NETWORK) && route(IS_PHONE_NUMBER)) route(OUTBOUND);

	if (!route(LOCAL_DOMAIN)) {
		# Not ours, and not a call to the phone network: nothing is relayed elsewhere.
		sl_send_reply("403", "Relaying Forbidden");
		exit;
	}

	if (is_method("INVITE") && route(FROM_PHONE_NETWORK) && route(IS_VIRTUAL_NUMBER)) {
		route(VNUM_INVITE);
		exit;
	}

	if (is_method("INVITE") && $rU =~ "^\*98") route(VOICEMAIL_PORTAL);

	if (is_method("MESSAGE")) route(TEXTS);

	if (is_method("INVITE") && !route(FROM_PHONE_NETWORK) && $rU =~ "{{EXTENSION_RE}}") route(INTERNAL_INVITE);
	if (!route(FROM_PHONE_NETWORK)) route(SAME_ORG);
	route(LOCATION);
}

route[REQINIT] {
	# Every sender is flood-limited except the configured gateways (loopback is not special).
	$var(src) = $si + ":" + $sp;
	if (!($var(src) =~ "{{GATEWAY_SOURCES}}") && !pike_check_req()) {
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

	# Out of a dialog, a request-URI user is an extension, a number or a plain name: escapes,
	# control characters and punctuation are nobody here.
	if (!has_totag() && $rU != $null && !($rU =~ "^[-+*#._~A-Za-z0-9]{1,64}$")) {
		sl_send_reply("404", "Not Found");
		exit;
	}
}

# In-dialog requests follow the Record-Route set, but only inside a dialog Kamailio set up
# itself (Call-ID and both tags match one it tracks) and only from one of its parties: a
# forged To-tag and Route header gets 481, never a relay. Facts about the dialog come from
# its dialog variables ($dlg_var), never from Route parameters a sender could have written.
route[WITHINDLG] {
	if (!has_totag()) return;

	if (!is_known_dlg()) {
		if (is_method("ACK") && t_check_trans()) {
			# ACK for a negative reply: hop by hop, absorbed or relayed by its transaction
			route(RELAY);
		}
		if (!is_method("ACK")) sl_send_reply("481", "Call/Transaction Does Not Exist");
		exit;
	}
	route(DLG_PARTY);

	if (loose_route()) {
		if (!isdsturiset()) {
			# R-URI is the far end's contact; for a WebSocket client it carries our alias.
			handle_ruri_alias();
		}
		if (is_method("BYE")) {
			route(RTPE_DELETE);
			route(VNUM_BYE);
			route(OUTBOUND_BYE);
			route(INTERNAL_BYE);
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

# The phone-network side: UDP/TCP on our SIP port from exactly one of the configured
# gateway addresses (PSTN_GATEWAY, INBOUND_GATEWAYS). Any other sender, local or not, is
# an agent that must authenticate.
route[FROM_PHONE_NETWORK] {
	if ($Rp != {{SIP_PORT}} || ($proto != "udp" && $proto != "tcp")) return -1;
	$var(gw_src) = $si + ":" + $sp;
	if ($var(gw_src) =~ "{{GATEWAY_SOURCES}}") return 1;
	return -1;
}

# The configured gateways are trusted; everything else, and every REGISTER, needs
# ephemeral credentials whose user is the From user.
route[AUTH] {
	if (!is_method("REGISTER") && route(FROM_PHONE_NETWORK)) {
		return;
	}

	# In-dialog ACK/PRACK never get here (route[WITHINDLG]); outside a dialog they are bogus.
	if (is_method("ACK|PRACK")) exit;

	if (!autheph_check("{{DOMAIN}}")) {
		auth_challenge("{{DOMAIN}}", "1");
		exit;
	}
	# Credentials minted before the extension was revoked (sign-out, password, role or extension change).
	if ($sht(revoked=>$(aU{s.select,1,:})) != $null && $(aU{s.select,0,:}{s.int}) <= $sht(revoked=>$(aU{s.select,1,:}))) {
		sl_send_reply("403", "Forbidden: credentials revoked");
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
	if (is_method("REGISTER") && nat_uac_test("64")) {
		# This WebSocket is now that extension's (route[DLG_PARTY]: a reconnected browser).
		$var(src) = $proto + ":" + $si + ":" + $sp;
		$sht(wsreg=>$var(src)) = $tU;
	}
}

route[REGISTRAR] {
	# Before the 200: once registered, the agent's organisation is known here.
	$var(ext) = $tU;
	route(EXT_ORG_REFRESH);
	# One contact per extension (0x04): a newer REGISTER replaces the older phone's contact.
	if (!save("location", "0x04")) {
		sl_reply_error();
		exit;
	}
	route(REG_REPORT);
	exit;
}

####### Registrations: the companion learns who is reachable from us, never from a browser #######
#
# After every REGISTER that save() accepted, and whenever usrloc drops a contact (expiry, or the
# WebSocket it came over closed: handle_lost_tcp), the companion is told, fire-and-forget in an
# async worker: GET {{HOOK_URL}}/internal/sip/registration?event=registered|removed|expired|closed
# (X-Hook-Token header; contract in src/common/sip-hooks.ts).

# What the location table now holds for the REGISTER's extension.
route[REG_REPORT] {
	$var(rq) = "event=removed&ext=" + $(tU{s.urlencode.param});
	if (reg_fetch_contacts("location", "$tu", "reg")) {
		$var(left) = $(ulc(reg=>expires){s.int}) - $TS;
		if ($var(left) > 0) {
			$var(rq) = "event=registered&ext=" + $(tU{s.urlencode.param}) + "&contact=" + $(ulc(reg=>addr){s.urlencode.param})
				+ "&expires=" + $var(left) + "&source=" + $(var(src_reg){s.urlencode.param});
		}
		reg_free_contacts("reg");
	}
	route(REG_SEND_ASYNC);
}

route[REG_SEND_ASYNC] {
	if (!async_task_data("REG_SEND", "$var(rq)")) {
		xlog("L_ERR", "cannot queue registration report for $var(rq)\n");
	}
}

route[REG_SEND] {
	$var(rq) = "/internal/sip/registration?" + $async(data);
	$var(rc) = http_connect("companion", "$var(rq)", "$var(reply)");
	if ($var(rc) != 200) {
		xlog("L_WARN", "companion did not take registration report ($var(rc)): $async(data)\n");
	}
}

event_route[usrloc:contact-expired] {
	$var(rq) = "event=expired&ext=" + $(ulc(exp=>aor){s.urlencode.param}) + "&contact=" + $(ulc(exp=>addr){s.urlencode.param});
	route(REG_SEND_ASYNC);
}

route[LOCATION] {
	$var(rc) = lookup("location");
	if ($var(rc) < 0) {
		switch ($var(rc)) {
			case -1:
				# not registered (or never logged in)
				route(INTERNAL_NOT_FOUND);
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
		if (isflagset(FLT_INTERNAL)) {
			$var(ic_event) = "ringing";
			route(INTERNAL_PROGRESS);
		}
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
		# Ring timeout after a 1xx (EXTENSION_RING_SECONDS in src/common/calls.ts); 30 s for the first provisional.
		t_set_fr({{EXTENSION_RING_MS}}, 30000);
	}
	if (!t_relay()) {
		sl_reply_error();
	}
	exit;
}

####### Dialogs and organisations: who may speak inside a call, and to whom #######
#
# Every initial INVITE becomes a tracked dialog. Its parties are "a" (the caller) and "b"
# (the callee): for each, the source it sends from ("gateway" for the phone network, else
# proto:ip:port) and, for agents, the extension. An in-dialog request must come from one
# of them; a browser that reconnected (new WebSocket) counts once that socket registered as
# the party's extension.

route[DLG_TRACK] {
	dlg_manage();
	$dlg_var(ext_b) = $rU;
	if (route(FROM_PHONE_NETWORK)) {
		$dlg_var(src_a) = "gateway";
		$dlg_var(ext_a) = "";
	} else {
		# authenticated: the From user is the credentials' extension (route[AUTH])
		$dlg_var(src_a) = $proto + ":" + $si + ":" + $sp;
		$dlg_var(ext_a) = $fU;
	}
}

# A 2xx to the initial INVITE: the answering side becomes party "b".
route[DLG_ANSWERED] {
	if ($dlg_var(src_b) != $null) return;
	if (route(FROM_PHONE_NETWORK)) {
		$dlg_var(src_b) = "gateway";
	} else {
		$dlg_var(src_b) = $proto + ":" + $si + ":" + $sp;
	}
}

route[DLG_PARTY] {
	# An ACK cannot be answered; inside a known dialog it only completes the 2xx.
	if (is_method("ACK")) return;
	$var(src) = $proto + ":" + $si + ":" + $sp;
	if (route(FROM_PHONE_NETWORK)) $var(src) = "gateway";
	if ($var(src) == $dlg_var(src_a) || $var(src) == $dlg_var(src_b)) return;
	# A browser that reconnected mid-call speaks from a new WebSocket: accepted once that
	# connection has registered as the party's extension (route[AUTH] remembers it).
	if ($sht(wsreg=>$var(src)) != $null) {
		$var(ws_ext) = $sht(wsreg=>$var(src));
		if ($var(ws_ext) == $dlg_var(ext_a)) {
			$dlg_var(src_a) = $var(src);
			return;
		}
		if ($var(ws_ext) == $dlg_var(ext_b)) {
			$dlg_var(src_b) = $var(src);
			return;
		}
	}
	xlog("L_WARN", "in-dialog $rm from $si:$sp refused: not a party of the dialog\n");
	sl_send_reply("403", "Forbidden");
	exit;
}

# An agent reaches only extensions of its own organisation. Another organisation's
# extension gets exactly the answer of an unregistered one (404 Not Found), so no answer
# tells who is online elsewhere.
route[SAME_ORG] {
	$var(ext) = $fU;
	route(EXT_ORG);
	$var(org_from) = $var(org);
	$var(ext) = $rU;
	route(EXT_ORG);
	if ($var(org_from) == "?" || $var(org) == "?") {
		sl_send_reply("503", "Service Unavailable");
		exit;
	}
	if ($var(org_from) == "-" || $var(org_from) != $var(org)) {
		route(INTERNAL_NOT_FOUND);
		sl_send_reply("404", "Not Found");
		exit;
	}
}

# Asks again for extension $var(ext) (each REGISTER): a fresh answer replaces the cached one; with
# the companion unreachable the cached one stays.
route[EXT_ORG_REFRESH] {
	$var(had) = 0;
	if ($sht(extorg=>$var(ext)) != $null) {
		$var(had) = 1;
		$var(cached) = $sht(extorg=>$var(ext));
		$sht(extorg=>$var(ext)) = $null;
	}
	route(EXT_ORG);
	if ($var(org) == "?" && $var(had) == 1) $sht(extorg=>$var(ext)) = $var(cached);
}

# $var(org) = the organisation of extension $var(ext) ("-" none, "?" companion unreachable),
# cached (see the extorg table).
route[EXT_ORG] {
	if ($sht(extorg=>$var(ext)) != $null) {
		$var(org) = $sht(extorg=>$var(ext));
		return;
	}
	$var(org) = "?";
	$var(body) = "";
	$var(q) = "/internal/sip/extension?ext=" + $(var(ext){s.urlencode.param});
	$var(rc) = http_connect("companion", "$var(q)", "$var(body)");
	if ($var(rc) != 200) {
		xlog("L_ERR", "companion unreachable: organisation of an extension unknown (HTTP $var(rc))\n");
		return;
	}
	$var(o) = "";
	json_get_string("$var(body)", "org", "$var(o)");
	$var(org) = "-";
	if ($var(o) != "") $var(org) = $var(o);
	$sht(extorg=>$var(ext)) = $var(org);
}

####### Virtual numbers: the companion decides, Kamailio carries out #######
#
# One call = a sequence of steps. Step N is asked for with
#   GET /internal/sip/route?callId&from&to&attempt=N[&lastCode=C]   (X-Hook-Token header)
# and answered {"action":"ring","timeout":s,"targets":[uri...]} or
# {"action":"reject","code":c,"reason":"..."}. A ring step forks to every target at once;
# when they all fail (no answer 408, busy 486, declined 603, unavailable 480...) the
# companion is asked for step N+1 with that code. The step number lives in the
# transaction's AVPs ($avp(vn_attempt)), which survive suspension and every failure route.
#
# Asynchrony: no lookup ever runs in a SIP worker.
#  - first step: async_task_route() suspends the transaction and resumes route[VNUM_STEP]
#    in an async worker;
#  - later steps: async_task_route() is request-route only, so the failure route suspends
#    the transaction itself (t_suspend) and hands its id to an async worker
#    (async_task_data), which resumes it with t_continue() into the same route[VNUM_STEP].
#    A resumed route runs with failure-route semantics, so it may add branches and relay.
# Call events are fire-and-forget: async_task_data() to the same workers.

# Is the request-URI user a virtual number rather than an extension?
# The dial plan's phone-number pattern (an extension never matches it).
route[IS_VIRTUAL_NUMBER] {
	if ($rU =~ "{{PHONE_NUMBER_RE}}") return 1;
	return -1;
}

route[VNUM_INVITE] {
	setflag(FLT_VNUM);
	# Marks the dialog (route[DLG_TRACK] created it): its BYE is reported, and rtpengine is torn down.
	$dlg_var(vn) = "1";
	$dlg_var(rtpe) = "1";
	$avp(vn_attempt) = 0;
	$avp(vn_from) = $fU;
	$avp(vn_to) = $rU;
	if (!t_newtran()) {
		sl_reply_error();
		exit;
	}
	t_reply("100", "Trying");
	if (!async_task_route("VNUM_STEP")) {
		xlog("L_ERR", "cannot queue the route lookup for $ci\n");
		t_reply("500", "Server Internal Error");
	}
	exit;
}

# Runs in an async worker with the transaction resumed (failure-route semantics). Asks
# for steps until one rings somebody, rejects, or the companion cannot be reached.
route[VNUM_STEP] {
	if (t_is_canceled()) {
		$var(ev) = "cancelled";
		route(VNUM_EVENT);
		exit;
	}
	$var(steps) = 0;
	while ($var(steps) < 20) {
		$var(steps) = $var(steps) + 1;
		route(VNUM_ASK);
		if ($var(action) == "unreachable") {
			route(VNUM_FAILSAFE);
			exit;
		}
		if ($var(action) == "reject") {
			t_reply("$var(code)", "$var(reason)");
			$var(ev) = "failed";
			$var(ev_code) = $var(code);
			route(VNUM_EVENT);
			exit;
		}
		if (t_is_canceled()) {
			# The caller hung up while we were asking.
			t_reply("487", "Request Terminated");
			$var(ev) = "cancelled";
			route(VNUM_EVENT);
			exit;
		}
		if ($var(action) == "ring") {
			route(VNUM_RESOLVE);
			if ($var(resolved) > 0) {
				route(VNUM_RELAY);
				exit;
			}
			# Nobody of this step can ring (agents not registered): next step at once.
			xlog("L_INFO", "virtual number call $ci: no target of step $avp(vn_attempt) is reachable\n");
			$avp(vn_last_code) = 480;
			$avp(vn_attempt) = $avp(vn_attempt) + 1;
		} else {
			xlog("L_ERR", "companion answered an unknown action for $ci: $var(body)\n");
			$var(action) = "unreachable";
			route(VNUM_FAILSAFE);
			exit;
		}
	}
	t_reply("480", "Temporarily Unavailable");
	$var(ev) = "failed";
	$var(ev_code) = 480;
	route(VNUM_EVENT);
	exit;
}

# GET the current step. Sets $var(action): ring | reject | unreachable, and
# $var(timeout) + $var(targets), or $var(code) + $var(reason).
route[VNUM_ASK] {
	$var(q) = "/internal/sip/route?callId=" + $(ci{s.urlencode.param})
		+ "&from=" + $(avp(vn_from){s.urlencode.param}) + "&to=" + $(avp(vn_to){s.urlencode.param})
		+ "&attempt=" + $avp(vn_attempt);
	if ($avp(vn_last_code) != $null) {
		$var(q) = $var(q) + "&lastCode=" + $avp(vn_last_code);
	}
	$var(body) = "";
	$var(action) = "unreachable";
	$var(t0) = $TV(sn) * 1000000 + $TV(un);
	$var(rc) = http_connect("companion", "$var(q)", "$var(body)");
	$var(us) = $TV(sn) * 1000000 + $TV(un) - $var(t0);
	xlog("L_INFO", "route lookup $ci attempt $avp(vn_attempt): HTTP $var(rc) in $var(us) us\n");
	if ($var(rc) != 200) {
		if ($var(rc) < 100) {
			# libcurl error: 7 connection refused, 28 timed out
			xlog("L_ERR", "companion unreachable: route lookup for $ci failed with curl error $var(rc)\n");
		} else {
			xlog("L_ERR", "companion unreachable: route lookup for $ci answered HTTP $var(rc): $var(body)\n");
		}
		return;
	}
	$var(a) = "";
	json_get_string("$var(body)", "action", "$var(a)");
	if ($var(a) == "ring") {
		$var(timeout) = 0;
		$var(targets) = "";
		json_get_string("$var(body)", "timeout", "$var(timeout)");
		json_get_field("$var(body)", "targets", "$var(targets)");
		$var(timeout) = $(var(timeout){s.int});
		if ($var(timeout) <= 0 || $var(targets) == "") {
			xlog("L_ERR", "companion unreachable: malformed ring step for $ci: $var(body)\n");
			return;
		}
		$var(action) = "ring";
	} else if ($var(a) == "reject") {
		$var(code) = 0;
		$var(reason) = "";
		json_get_string("$var(body)", "code", "$var(code)");
		json_get_string("$var(body)", "reason", "$var(reason)");
		$var(code) = $(var(code){s.int});
		if ($var(code) < 400 || $var(code) > 699) {
			xlog("L_ERR", "companion unreachable: malformed reject step for $ci: $var(body)\n");
			return;
		}
		$var(action) = "reject";
	} else {
		$var(action) = "unknown";
	}
}

# Turns $var(targets) (a JSON array of SIP URIs) into the request-URI and branches.
# Agents (sip:<extension>@{{DOMAIN}}) are looked up in location and skipped when not
# registered; anything else (an external number at the gateway) is relayed as it is.
# Sets $var(resolved) to the number of targets that ring.
route[VNUM_RESOLVE] {
	resetdsturi();
	$var(resolved) = 0;
	$var(last) = $(var(targets){s.count,,});
	$var(i) = 0;
	while ($var(i) <= $var(last)) {
		$var(item) = $(var(targets){s.select,$var(i),,});
		$var(t) = $(var(item){re.subst,/^[^"]*"([^"]*)".*$/\1/});
		$var(i) = $var(i) + 1;
		if ($var(t) == $var(item) || !($var(t) =~ "^sips?:")) {
			xlog("L_ERR", "virtual number call $ci: not a SIP URI in targets: $var(item)\n");
		} else if ($(var(t){uri.host}) == "{{DOMAIN}}" && $(var(t){uri.port}) == ""
				&& $(var(t){uri.user}) =~ "{{EXTENSION_RE}}") {
			if ($var(resolved) == 0) {
				$var(ok) = lookup("location", "$var(t)");
			} else {
				$var(ok) = lookup_to_dset("location", "$var(t)");
			}
			if ($var(ok) == 1) {
				$var(resolved) = $var(resolved) + 1;
				$var(ext) = $(var(t){uri.user});
				route(VNUM_TAG_BRANCHES);
			} else {
				xlog("L_INFO", "virtual number call $ci: agent $var(t) is not registered, skipped\n");
			}
		} else if ($var(resolved) == 0) {
			$ru = $var(t);
			$var(resolved) = 1;
		} else {
			append_branch("$var(t)");
			$var(resolved) = $var(resolved) + 1;
		}
	}
}

# Remembers which extension each contact just added by lookup() belongs to, so the 200 of
# a branch names the agent who answered (route[VNUM_ANSWERED]).
route[VNUM_TAG_BRANCHES] {
	$var(j) = -1;
	while ($var(j) < $branch(count)) {
		if ($var(j) < 0) {
			$var(bu) = $ru;
		} else {
			$var(bu) = $(branch(uri)[$var(j)]);
		}
		if ($sht(vncall=>$ci::ext::$var(bu)) == $null) $sht(vncall=>$ci::ext::$var(bu)) = $var(ext);
		$var(j) = $var(j) + 1;
	}
}

# Relays the step's branches; the ring timeout is the step's. A target that sends no provisional reply
# within 5 s (an unreachable gateway over UDP retransmits into silence) fails the step sooner, so the
# caller is not left waiting the whole ring time for nothing.
route[VNUM_RELAY] {
	$var(ms) = $var(timeout) * 1000;
	$var(first) = $var(ms);
	if ($var(first) > 5000) $var(first) = 5000;
	t_set_fr("$var(ms)", "$var(first)");
	t_on_branch("MANAGE_BRANCH");
	t_on_reply("MANAGE_REPLY");
	t_on_failure("VNUM_FAILURE");
	xlog("L_INFO", "virtual number call $ci step $avp(vn_attempt): ringing $var(resolved) target(s) for $var(timeout) s\n");
	if (!t_relay()) {
		xlog("L_ERR", "virtual number call $ci: relay failed\n");
		t_reply("500", "Server Internal Error");
		$var(ev) = "failed";
		$var(ev_code) = 500;
		route(VNUM_EVENT);
	}
}

# The companion is unreachable: ring the fail-safe destination, else 503.
route[VNUM_FAILSAFE] {
	$var(failsafe) = "{{FAILSAFE_URI}}";
	if ($var(failsafe) != "" && $avp(vn_failsafe) == $null) {
		$avp(vn_failsafe) = 1;
		$var(targets) = '["' + $var(failsafe) + '"]';
		$var(timeout) = 60;
		route(VNUM_RESOLVE);
		if ($var(resolved) > 0) {
			xlog("L_WARN", "virtual number call $ci: companion unreachable, ringing the fail-safe $var(failsafe)\n");
			route(VNUM_RELAY);
			return;
		}
		xlog("L_ERR", "virtual number call $ci: fail-safe $var(failsafe) is not reachable\n");
	}
	t_reply("503", "Service Unavailable");
	$var(ev) = "failed";
	$var(ev_code) = 503;
	route(VNUM_EVENT);
}

failure_route[VNUM_FAILURE] {
	if (isbflagset(FLB_RTPE_TO_WS) || isbflagset(FLB_RTPE_SIP_SIP)) {
		rtpengine_delete();
	}
	if (t_is_canceled()) {
		$var(ev) = "cancelled";
		route(VNUM_EVENT);
		exit;
	}
	$avp(vn_last_code) = $T_reply_code;
	if ($avp(vn_failsafe) != $null) {
		# The fail-safe was the last resort: its final reply goes to the caller.
		$var(ev) = "failed";
		$var(ev_code) = $T_reply_code;
		route(VNUM_EVENT);
		exit;
	}
	$avp(vn_attempt) = $avp(vn_attempt) + 1;
	# Ask for the next step off the SIP worker: suspend, resume in an async worker.
	if (!t_suspend()) {
		xlog("L_ERR", "virtual number call $ci: cannot suspend for the next step\n");
		exit;
	}
	async_task_data("VNUM_RESUME", "$T(id_index) $T(id_label)");
	exit;
}

# Async worker: resume the suspended transaction into route[VNUM_STEP].
route[VNUM_RESUME] {
	$var(index) = $(async(data){s.select,0, }{s.int});
	$var(label) = $(async(data){s.select,1, }{s.int});
	t_continue("$var(index)", "$var(label)", "VNUM_STEP");
}

# The answering extension is the one whose contact sent the 200 (empty for a phone-network
# destination): Kamailio's observation, never what a browser says about itself.
route[VNUM_ANSWERED] {
	if ($sht(vncall=>$ci::answered) != $null) return;
	$sht(vncall=>$ci::answered) = 1;
	$var(ev) = "answered";
	$var(ev_code) = $rs;
	$var(ev_ext) = $sht(vncall=>$ci::branch::$T_branch_idx);
	if ($var(ev_ext) == $null) $var(ev_ext) = "";
	$dlg_var(ext_b) = $var(ev_ext);
	route(VNUM_EVENT);
}

# In-dialog BYE of a virtual-number call (after loose_route).
route[VNUM_BYE] {
	if ($dlg_var(vn) != "1") return;
	$var(by) = "callee";
	if ($ft == $dlg(from_tag)) $var(by) = "caller";
	$var(ev) = "ended";
	$var(ev_by) = $var(by);
	route(VNUM_EVENT);
}

# Fire-and-forget: $var(ev) [+ $var(ev_code) | $var(ev_by)] to /internal/sip/event.
route[VNUM_EVENT] {
	$var(eq) = "callId=" + $(ci{s.urlencode.param}) + "&event=" + $var(ev);
	if ($var(ev) == "ended") {
		$var(eq) = $var(eq) + "&by=" + $var(ev_by);
	} else if ($var(ev) == "answered" || $var(ev) == "failed") {
		$var(eq) = $var(eq) + "&code=" + $var(ev_code);
	}
	if ($var(ev) == "answered") {
		$var(eq) = $var(eq) + "&ext=" + $(var(ev_ext){s.urlencode.param});
	}
	if (!async_task_data("VNUM_EVENT_SEND", "$var(eq)")) {
		xlog("L_ERR", "cannot queue call event $var(ev) for $ci\n");
	}
}

route[VNUM_EVENT_SEND] {
	$var(ep) = "/internal/sip/event?" + $async(data);
	$var(rc) = http_connect("companion", "$var(ep)", "$var(reply)");
	if ($var(rc) != 200) {
		# The query names the call and the event only; the token is in a header and never logged.
		xlog("L_WARN", "companion did not take call event ($var(rc)): $async(data)\n");
	}
}

####### Calls between extensions #######
#
# An agent's call to another extension is reported to the companion once, when it is over, from what
# Kamailio saw (never what a phone says): the authenticated caller, the extension dialled, when it
# started and was answered, and how it ended, so each agent's call history lists it:
#   GET /internal/sip/internal-call?callId&from&to&outcome&startedAt[&answeredAt][&code][&by]
# outcome: ended (BYE, by caller|callee), failed (the final answer's code; 404 when nobody of the
# caller's organisation has that extension registered), cancelled (the caller gave up while it rang).

route[INTERNAL_INVITE] {
	if (has_totag()) return;
	setflag(FLT_INTERNAL);
	$dlg_var(ic) = "1";
	$dlg_var(ic_from) = $fU;
	$dlg_var(ic_to) = $rU;
	$dlg_var(ic_started) = $TS;
}

# The extension is nobody's in the caller's organisation, or not registered: reported as failed 404.
route[INTERNAL_NOT_FOUND] {
	if (!isflagset(FLT_INTERNAL)) return;
	$var(ic_outcome) = "failed";
	$var(ic_code) = 404;
	route(INTERNAL_REPORT);
}

route[INTERNAL_BYE] {
	if ($dlg_var(ic) != "1") return;
	$var(ic_by) = "callee";
	if ($ft == $dlg(from_tag)) $var(ic_by) = "caller";
	$var(ic_outcome) = "ended";
	route(INTERNAL_REPORT);
}

# Fire-and-forget: one report per call, built from the dialog's own variables.
route[INTERNAL_REPORT] {
	if ($dlg_var(ic_reported) == "1") return;
	$dlg_var(ic_reported) = "1";
	$var(iq) = "callId=" + $(ci{s.urlencode.param}) + "&from=" + $(dlg_var(ic_from){s.urlencode.param})
		+ "&to=" + $(dlg_var(ic_to){s.urlencode.param}) + "&outcome=" + $var(ic_outcome)
		+ "&startedAt=" + $dlg_var(ic_started);
	if ($dlg_var(ic_answered) != $null) $var(iq) = $var(iq) + "&answeredAt=" + $dlg_var(ic_answered);
	if ($var(ic_outcome) == "failed") $var(iq) = $var(iq) + "&code=" + $var(ic_code);
	if ($var(ic_outcome) == "ended") $var(iq) = $var(iq) + "&by=" + $var(ic_by);
	if (!async_task_data("INTERNAL_SEND", "$var(iq)")) {
		xlog("L_ERR", "cannot queue the report of internal call $ci\n");
	}
}

# While the call lasts, for the supervisor's board: it rings the callee's phone (the INVITE is relayed to
# the contact found) or the callee answered (the first 2xx). Fire-and-forget, one try: the report above
# ends the call on the board whatever was lost.
#   GET /internal/sip/internal-call-progress?callId&from&to&event=ringing|answered&startedAt
route[INTERNAL_PROGRESS] {
	$var(ip) = "callId=" + $(ci{s.urlencode.param}) + "&from=" + $(dlg_var(ic_from){s.urlencode.param})
		+ "&to=" + $(dlg_var(ic_to){s.urlencode.param}) + "&event=" + $var(ic_event)
		+ "&startedAt=" + $dlg_var(ic_started);
	if (!async_task_data("INTERNAL_PROGRESS_SEND", "$var(ip)")) {
		xlog("L_ERR", "cannot queue the progress of internal call $ci\n");
	}
}

route[INTERNAL_PROGRESS_SEND] {
	$var(rc) = http_connect("companion", "/internal/sip/internal-call-progress?$async(data)", "$var(reply)");
	if ($var(rc) != 200 && $var(rc) != 409) {
		xlog("L_WARN", "companion did not take the internal call progress ($var(rc)): $async(data)\n");
	}
}

# Up to three tries: a companion busy past the connect timeout must not lose the call from both histories.
# The companion keeps one record per call id, so a try that did arrive is not counted twice.
route[INTERNAL_SEND] {
	$var(try) = 0;
	while ($var(try) < 3) {
		$var(rc) = http_connect("companion", "/internal/sip/internal-call?$async(data)", "$var(reply)");
		if ($var(rc) == 200 || $var(rc) == 409) return;
		$var(try) = $var(try) + 1;
	}
	xlog("L_WARN", "companion did not take the internal call report ($var(rc)): $async(data)\n");
}

####### Outbound calls to the phone network #######
#
# An agent's INVITE to a phone number (the dial plan's {{PHONE_NUMBER_RE}}) leaves through the
# gateway only if the companion allows it. Kamailio sends 100 Trying, then asks in an async worker
# (never a SIP worker; 1 s budget)
#   GET /internal/sip/outbound?callId&agent&callee&callerId&engagement   (X-Hook-Token header)
# with the authenticated From user, the dialled user and the raw X-Caller-ID / X-Engagement values,
# and obeys: {"action":"allow","callerId":"+E164","displayName":"...","targets":["sip:...@gw",...]}
# or {"action":"reject","code":403,"reason":"..."}. The companion unreachable: 503, never let through.
# Toward the gateway every identity header the phone sent is removed; the From user and
# P-Asserted-Identity are the allowed number (From restored on the way back by uac). Media through
# rtpengine: DTLS-SRTP toward the browser, plain RTP toward the gateway. Targets are tried in order
# while a gateway cannot be reached (no reply within 5 s, or 500/502/503/504). Answered and ended
# are reported like virtual-number calls (route[VNUM_EVENT]).

route[IS_PHONE_NUMBER] {
	if ($rU =~ "{{PHONE_NUMBER_RE}}") return 1;
	return -1;
}

route[OUTBOUND] {
	setflag(FLT_OUTBOUND);
	$avp(ob_agent) = $fU;
	$avp(ob_callee) = $rU;
	$avp(ob_callerid) = "";
	if (is_present_hf("X-Caller-ID")) $avp(ob_callerid) = $hdr(X-Caller-ID);
	$avp(ob_engage) = "";
	if (is_present_hf("X-Engagement")) $avp(ob_engage) = $hdr(X-Engagement);
	# Marks the dialog (route[DLG_TRACK] created it): its BYE is reported, rtpengine is torn down.
	$dlg_var(ob) = "1";
	$dlg_var(rtpe) = "1";
	if (!t_newtran()) {
		sl_reply_error();
		exit;
	}
	t_reply("100", "Trying");
	if (!async_task_route("OUTBOUND_ASK")) {
		xlog("L_ERR", "cannot queue the outbound check for $ci\n");
		t_reply("503", "Calls to customers are unavailable right now");
	}
	exit;
}

# Async worker, transaction resumed: ask, then relay to the first gateway or refuse.
route[OUTBOUND_ASK] {
	if (t_is_canceled()) {
		t_reply("487", "Request Terminated");
		exit;
	}
	$var(q) = "/internal/sip/outbound?callId=" + $(ci{s.urlencode.param})
		+ "&agent=" + $(avp(ob_agent){s.urlencode.param}) + "&callee=" + $(avp(ob_callee){s.urlencode.param})
		+ "&callerId=" + $(avp(ob_callerid){s.urlencode.param}) + "&engagement=" + $(avp(ob_engage){s.urlencode.param});
	$var(body) = "";
	$var(rc) = http_connect("companion", "$var(q)", "$var(body)");
	if ($var(rc) != 200) {
		xlog("L_ERR", "companion unreachable: outbound check for $ci failed ($var(rc))\n");
		t_reply("503", "Calls to customers are unavailable right now");
		exit;
	}
	$var(a) = "";
	json_get_string("$var(body)", "action", "$var(a)");
	if ($var(a) == "reject") {
		$var(code) = 0;
		$var(reason) = "";
		json_get_string("$var(body)", "code", "$var(code)");
		json_get_string("$var(body)", "reason", "$var(reason)");
		$var(code) = $(var(code){s.int});
		if ($var(code) < 400 || $var(code) > 699 || $var(reason) =~ "[[:cntrl:]]") {
			xlog("L_ERR", "malformed outbound refusal for $ci: $var(body)\n");
			t_reply("503", "Calls to customers are unavailable right now");
			exit;
		}
		xlog("L_INFO", "outbound call $ci refused: $var(code) $var(reason)\n");
		t_reply("$var(code)", "$var(reason)");
		exit;
	}
	$avp(ob_asserted) = "";
	$avp(ob_display) = "";
	$avp(ob_targets) = "";
	json_get_string("$var(body)", "callerId", "$avp(ob_asserted)");
	json_get_string("$var(body)", "displayName", "$avp(ob_display)");
	json_get_field("$var(body)", "targets", "$avp(ob_targets)");
	if ($var(a) != "allow" || !($avp(ob_asserted) =~ "{{E164_RE}}")) {
		xlog("L_ERR", "malformed outbound answer for $ci: $var(body)\n");
		t_reply("503", "Calls to customers are unavailable right now");
		exit;
	}
	# A display name is one line of text inside quotes: anything that could break out is dropped.
	if ($avp(ob_display) =~ "[\"\\<>[:cntrl:]]") $avp(ob_display) = "";
	if (t_is_canceled()) {
		t_reply("487", "Request Terminated");
		$var(ev) = "cancelled";
		route(VNUM_EVENT);
		exit;
	}
	$avp(ob_next) = 0;
	if (!route(OUTBOUND_RELAY)) {
		t_reply("503", "The phone network cannot be reached");
		$var(ev) = "failed";
		$var(ev_code) = 503;
		route(VNUM_EVENT);
	}
}

# Relays to target number $avp(ob_next) of $avp(ob_targets); -1 when there is none left.
route[OUTBOUND_RELAY] {
	$var(n) = $avp(ob_next);
	if ($var(n) > $(avp(ob_targets){s.count,,})) return -1;
	$var(item) = $(avp(ob_targets){s.select,$var(n),,});
	$var(t) = $(var(item){re.subst,/^[^"]*"([^"]*)".*$/\1/});
	$avp(ob_next) = $var(n) + 1;
	if ($var(t) == $var(item) || !($var(t) =~ "^sip:[^@]+@[^@]+$")) {
		xlog("L_ERR", "outbound call $ci: not a SIP URI in targets: $var(item)\n");
		return -1;
	}
	$ru = $var(t);
	resetdsturi();
	# 5 s for a first reply from the gateway, 60 s of ringing.
	t_set_fr(60000, 5000);
	t_on_branch("OUTBOUND_BRANCH");
	t_on_reply("MANAGE_REPLY");
	t_on_failure("OUTBOUND_FAILURE");
	xlog("L_INFO", "outbound call $ci from $avp(ob_agent) as $avp(ob_asserted) to $ru\n");
	if (!t_relay()) return -1;
	return 1;
}

# Toward the gateway: identity is ours alone, media through rtpengine.
branch_route[OUTBOUND_BRANCH] {
	remove_hf("X-Caller-ID");
	remove_hf("X-Engagement");
	remove_hf("P-Asserted-Identity");
	remove_hf("P-Preferred-Identity");
	remove_hf("Remote-Party-ID");
	remove_hf("Privacy");
	$var(display) = "";
	if ($avp(ob_display) != "") $var(display) = '"' + $avp(ob_display) + '"';
	uac_replace_from("$var(display)", "sip:$avp(ob_asserted)@{{DOMAIN}}");
	append_hf("P-Asserted-Identity: <sip:$avp(ob_asserted)@{{DOMAIN}}>\r\n");
	if (!has_body("application/sdp")) return;
	if (nat_uac_test("64")) {
		setbflag(FLB_RTPE_TO_SIP);
	} else {
		setbflag(FLB_RTPE_SIP_SIP);
	}
	rtpengine_offer("replace-origin replace-session-connection ICE=remove RTP/AVP rtcp-mux-demux DTLS=off SDES-off");
}

failure_route[OUTBOUND_FAILURE] {
	if (isbflagset(FLB_RTPE_TO_SIP) || isbflagset(FLB_RTPE_SIP_SIP)) rtpengine_delete();
	if (t_is_canceled()) {
		$var(ev) = "cancelled";
		route(VNUM_EVENT);
		exit;
	}
	# This gateway cannot be reached: the next one, else 503.
	if ((t_branch_timeout() && !t_branch_replied()) || $T_reply_code =~ "^50[0234]$") {
		xlog("L_WARN", "outbound call $ci: gateway $ru did not take the call ($T_reply_code)\n");
		if (route(OUTBOUND_RELAY)) exit;
		t_reply("503", "The phone network cannot be reached");
		$var(ev) = "failed";
		$var(ev_code) = 503;
		route(VNUM_EVENT);
		exit;
	}
	# The gateway's own final answer (486 Busy Here, 404 ...) goes to the agent as it is.
	$var(ev) = "failed";
	$var(ev_code) = $T_reply_code;
	route(VNUM_EVENT);
}

# In-dialog BYE of an outbound call (after loose_route): the agent is the caller.
route[OUTBOUND_BYE] {
	if ($dlg_var(ob) != "1") return;
	$var(ev_by) = "callee";
	if ($ft == $dlg(from_tag)) $var(ev_by) = "caller";
	$var(ev) = "ended";
	route(VNUM_EVENT);
}

####### Voicemail #######
#
# Calls to a voicemail box arrive as ring targets of a virtual-number call
# (sip:vm-<boxId>@{{VOICEMAIL_ADDR}}): route[VNUM_RESOLVE] relays them as they are and
# route[MANAGE_BRANCH] anchors them in rtpengine, so the service gets plain RTP PCMU.
# The voice portal is the extension *98: from a softphone it opens the main-number box of the
# agent's organisation (the extension is the From user that auth_ephemeral has just verified);
# from the phone network the caller dials *98 followed by the main number. Either way the
# service asks for the PIN.
route[VOICEMAIL_PORTAL] {
	if (route(FROM_PHONE_NETWORK)) {
		if (!($rU =~ "^\*98{{PHONE_NUMBER_DIGITS}}$")) {
			sl_send_reply("404", "Not Found");
			exit;
		}
		$ru = "sip:portal-num-" + $(rU{s.substr,3,0}) + "@{{VOICEMAIL_ADDR}}";
	} else {
		if ($rU != "*98" || !($fU =~ "{{EXTENSION_RE}}")) {
			sl_send_reply("404", "Not Found");
			exit;
		}
		$ru = "sip:portal-ext-" + $fU + "@{{VOICEMAIL_ADDR}}";
	}
	xlog("L_INFO", "voice portal call $ci from $fU to $ru\n");
	route(RTPE_MARK_DIALOG);
	route(RELAY);
	exit;
}

####### Texts #######
#
# SIP MESSAGE to and from phone numbers; the companion decides, Kamailio carries out.
#  - In: a MESSAGE from the phone network to a virtual number is POSTed (body as it came,
#    text/plain, the hook token in X-Hook-Token) to /internal/sip/text-in; the companion stores it and tells the agents over
#    its feed (agents who are offline see it when they sign in). Stored: 202 Accepted; the
#    companion unreachable: 503 (the gateway retries: nothing is lost).
#  - Out: an agent's MESSAGE to a phone number is POSTed to /internal/sip/text-out with the
#    agent's authenticated extension; the companion answers who the text is from (the company
#    number of the agent's conversation) and where it goes (the gateway). Kamailio rewrites From
#    to that number and drops every identity header the client sent; the body is never read
#    into a header. The browser cannot choose its own identity.
# Both lookups run in async workers like the routing lookup.

# Handles MESSAGEs to phone numbers (and exits); agent-to-agent MESSAGEs return and go on.
route[TEXTS] {
	if (!route(IS_VIRTUAL_NUMBER)) return;
	if (!t_newtran()) {
		sl_reply_error();
		exit;
	}
	if (route(FROM_PHONE_NETWORK)) {
		$var(task) = "TEXT_IN_ASK";
	} else {
		$var(task) = "TEXT_OUT_ASK";
	}
	if (!async_task_route("$var(task)")) {
		xlog("L_ERR", "cannot queue the text lookup for $ci\n");
		t_reply("500", "Server Internal Error");
	}
	exit;
}

route[TEXT_IN_ASK] {
	$var(tpath) = "/internal/sip/text-in";
	route(TEXT_ASK);
	if ($var(taction) == "accept") {
		t_reply("202", "Accepted");
	} else if ($var(taction) == "reject") {
		t_reply("$var(tcode)", "$var(treason)");
	} else {
		t_reply("503", "Service Unavailable");
	}
	exit;
}

route[TEXT_OUT_ASK] {
	$var(tpath) = "/internal/sip/text-out";
	route(TEXT_ASK);
	if ($var(taction) == "reject") {
		t_reply("$var(tcode)", "$var(treason)");
		exit;
	}
	if ($var(taction) != "relay") {
		t_reply("503", "Service Unavailable");
		exit;
	}
	# Identity is the companion's: From becomes the company number, client claims are dropped.
	remove_hf_re("^(X-|P-Asserted-Identity|P-Preferred-Identity|Remote-Party-ID|Privacy)");
	$fn = "";
	$fu = "sip:" + $var(tfrom) + "@{{DOMAIN}}";
	$ru = $var(ttarget);
	# A gateway that does not answer fails the text within 5 s rather than 32.
	t_set_fr(5000, 5000);
	xlog("L_INFO", "text $ci from agent $fU relayed as $var(tfrom) to $var(ttarget)\n");
	if (!t_relay()) {
		t_reply("500", "Server Internal Error");
	}
	exit;
}

# POSTs the MESSAGE body to $var(tpath). Sets $var(taction): accept | relay | reject |
# unreachable, with $var(tfrom) + $var(ttarget), or $var(tcode) + $var(treason).
route[TEXT_ASK] {
	$var(tq) = $var(tpath) + "?from=" + $(fU{s.urlencode.param}) + "&to=" + $(rU{s.urlencode.param})
		+ "&callId=" + $(ci{s.urlencode.param}) + "&cseq=" + $(cs{s.urlencode.param});
	$var(tbody) = "";
	$var(taction) = "unreachable";
	# On the pooled connection: a POST of the body (a bodiless MESSAGE goes as a GET, which the hook takes too).
	$var(rc) = http_connect("companion", "$var(tq)", "text/plain; charset=utf-8", "$rb", "$var(tbody)");
	if ($var(rc) != 200) {
		xlog("L_ERR", "companion unreachable: text lookup for $ci answered $var(rc)\n");
		return;
	}
	$var(ta) = "";
	json_get_string("$var(tbody)", "action", "$var(ta)");
	if ($var(ta) == "accept") {
		$var(taction) = "accept";
	} else if ($var(ta) == "relay") {
		$var(tfrom) = "";
		$var(ttarget) = "";
		json_get_string("$var(tbody)", "from", "$var(tfrom)");
		json_get_string("$var(tbody)", "target", "$var(ttarget)");
		if (!($var(tfrom) =~ "{{E164_RE}}") || !($var(ttarget) =~ "^sip:{{E164_DIGITS}}@[^ ]+$")) {
			xlog("L_ERR", "companion answered a malformed text relay for $ci: $var(tbody)\n");
			return;
		}
		$var(taction) = "relay";
	} else if ($var(ta) == "reject") {
		$var(tcode) = 0;
		$var(treason) = "";
		json_get_string("$var(tbody)", "code", "$var(tcode)");
		json_get_string("$var(tbody)", "reason", "$var(treason)");
		$var(tcode) = $(var(tcode){s.int});
		if ($var(tcode) < 400 || $var(tcode) > 699) return;
		$var(taction) = "reject";
	}
}

####### Media: rtpengine bridges WebSocket (WebRTC) <-> plain SIP legs #######

# Is $var(u) (a destination or request URI) a WebSocket contact?
route[IS_WS_TARGET] {
	if ($var(u) =~ ";transport=wss?([;>]|$)") return 1;
	return -1;
}

# Before relaying an INVITE: if any branch crosses ws <-> sip, tag the dialog
# (dialog variable) so the BYE knows to tear the rtpengine session down.
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
	if ($var(mixed) == 1) $dlg_var(rtpe) = "1";
}

branch_route[MANAGE_BRANCH] {
	if (isflagset(FLT_VNUM) && is_method("INVITE") && $sht(vncall=>$ci::ext::$ru) != $null) {
		# this branch rings that extension (route[VNUM_TAG_BRANCHES])
		$sht(vncall=>$ci::branch::$T_branch_idx) = $sht(vncall=>$ci::ext::$ru);
	}
	# Initial INVITEs only: re-INVITEs are handled once in route[RTPE_REOFFER].
	if (!is_method("INVITE") || has_totag() || !has_body("application/sdp")) return;
	$var(u) = $ru;
	if (isdsturiset()) $var(u) = $du;
	$var(to_ws) = 0;
	if (route(IS_WS_TARGET)) $var(to_ws) = 1;
	$var(from_ws) = 0;
	if (nat_uac_test("64")) $var(from_ws) = 1;

	if ($var(to_ws) == $var(from_ws)) {
		if ($var(to_ws) == 0 && isflagset(FLT_VNUM)) {
			# Virtual-number call to a plain SIP UA or the gateway: anchored in rtpengine
			# so the phone network only ever sees our media address.
			setbflag(FLB_RTPE_SIP_SIP);
			rtpengine_offer("replace-origin replace-session-connection ICE=remove RTP/AVP rtcp-mux-demux DTLS=off SDES-off");
		}
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
	if (is_method("INVITE") && status =~ "^2[0-9][0-9]$") {
		route(DLG_ANSWERED);
		if (isflagset(FLT_VNUM) || isflagset(FLT_OUTBOUND)) route(VNUM_ANSWERED);
		if (isflagset(FLT_INTERNAL) && $dlg_var(ic_answered) == $null) {
			$dlg_var(ic_answered) = $TS;
			$var(ic_event) = "answered";
			route(INTERNAL_PROGRESS);
		}
	}
	if (!has_body("application/sdp")) return;
	if (status =~ "(18[0-9])|(2[0-9][0-9])") {
		# The answer goes back to the caller: the opposite kind of leg to the branch.
		if (isbflagset(FLB_RTPE_TO_WS) || isbflagset(FLB_RTPE_SIP_SIP)) {
			rtpengine_answer("replace-origin replace-session-connection ICE=remove RTP/AVP rtcp-mux-demux DTLS=off SDES-off");
		} else if (isbflagset(FLB_RTPE_TO_SIP)) {
			rtpengine_answer("replace-origin replace-session-connection ICE=force RTP/SAVPF rtcp-mux-offer generate-mid SDES-off");
		}
	}
}

failure_route[MANAGE_FAILURE] {
	if (isbflagset(FLB_RTPE_TO_WS) || isbflagset(FLB_RTPE_TO_SIP) || isbflagset(FLB_RTPE_SIP_SIP)) {
		rtpengine_delete();
	}
	if (isflagset(FLT_INTERNAL)) {
		if (t_is_canceled()) {
			$var(ic_outcome) = "cancelled";
		} else {
			$var(ic_outcome) = "failed";
			$var(ic_code) = $T_reply_code;
		}
		route(INTERNAL_REPORT);
	}
	if (t_is_canceled()) exit;
}

route[RTPE_DELETE] {
	if ($dlg_var(rtpe) == "1") {
		rtpengine_delete();
	}
}

# A re-INVITE inside a bridged dialog: offer toward the receiving leg.
route[RTPE_REOFFER] {
	if ($dlg_var(rtpe) != "1") return;
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

	# Browsers always send their page's Origin: only our own pages (PUBLIC_ORIGINS) may speak
	# SIP here. Software that sends no Origin is no web page riding an agent's browser.
	if ($hdr(Origin) != $null && !($hdr(Origin) =~ "{{WS_ORIGINS}}")) {
		xlog("L_WARN", "WebSocket handshake from $si refused: Origin $hdr(Origin) is not allowed\n");
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
	$var(src) = "ws:" + $si + ":" + $sp;
	$sht(wsreg=>$var(src)) = $null;
	# usrloc drops the contacts of this connection (handle_lost_tcp); the companion drops them too.
	$var(rq) = "event=closed&source=" + $(var(src){s.urlencode.param});
	route(REG_SEND_ASYNC);
}
