'use strict';
/*
 * Reference vectors for Cognito's SRP-6a variant (USER_SRP_AUTH / PASSWORD_VERIFIER),
 * computed with amazon-cognito-identity-js's own AuthenticationHelper (CommonJS build in lib/).
 *
 * Usage: node make-vectors.js > vectors.json
 *
 * How `a` is fixed: the constructor of AuthenticationHelper calls
 * this.generateRandomSmallA() (src/AuthenticationHelper.js:62) and then
 * this.getLargeAValue() (:63), which computes A = g^a mod N via calculateA (:181) and
 * caches it in this.largeAValue. We replace AuthenticationHelper.prototype.generateRandomSmallA
 * (for the duration of the constructor call only) with a function returning our fixed
 * BigInteger a, so the library's own constructor computes and caches A from the fixed a.
 * Nothing else in the helper draws randomness on this code path. We then assert that
 * helper.smallAValue is our a and that helper.largeAValue == g^a mod N.
 */
const crypto = require('crypto');
const pkgDir = require('path').dirname(require.resolve('amazon-cognito-identity-js/package.json'));
const pkgVersion = require('amazon-cognito-identity-js/package.json').version;
const AuthenticationHelper = require('amazon-cognito-identity-js/lib/AuthenticationHelper').default;
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger').default;
const DateHelper = require('amazon-cognito-identity-js/lib/DateHelper').default;
// The exact Sha256 (HMAC when constructed with a key) that CognitoUser.js imports,
// resolved from the library's own dependency tree.
const { Sha256 } = require(require.resolve('@aws-crypto/sha256-js', { paths: [pkgDir] }));

function assert(cond, msg) {
	if (!cond) throw new Error('assertion failed: ' + msg);
}

// Deterministic "random-looking" bytes: SHA-256(label || counter) concatenated.
// Only used to choose the fixed inputs; every derived value is computed by the library.
function detBytes(label, n) {
	const out = [];
	for (let i = 0; out.length * 32 < n; i++) {
		out.push(crypto.createHash('sha256').update(`${label}/${i}`).digest());
	}
	return Buffer.concat(out).subarray(0, n);
}

// Run the library's DateHelper.getNowString() with the clock frozen at `ms`.
function libTimestamp(ms) {
	const RealDate = global.Date;
	class FrozenDate extends RealDate {
		constructor(...args) {
			if (args.length === 0) super(ms);
			else super(...args);
		}
	}
	global.Date = FrozenDate;
	try {
		return new DateHelper().getNowString();
	} finally {
		global.Date = RealDate;
	}
}

// Construct the library helper with a fixed small a.
function makeHelper(poolName, aBig) {
	const proto = AuthenticationHelper.prototype;
	const orig = proto.generateRandomSmallA;
	proto.generateRandomSmallA = function () {
		return aBig;
	};
	let helper;
	try {
		helper = new AuthenticationHelper(poolName);
	} finally {
		proto.generateRandomSmallA = orig;
	}
	assert(helper.getSmallAValue() === aBig, 'smallAValue fixed');
	let A;
	helper.getLargeAValue((err, v) => {
		if (err) throw err;
		A = v;
	});
	let gA;
	helper.g.modPow(aBig, helper.N, (err, v) => {
		if (err) throw err;
		gA = v;
	});
	assert(A && A.equals(gA), 'A == g^a mod N');
	return helper;
}

function modPowSync(base, exp, mod) {
	let r;
	base.modPow(exp, mod, (err, v) => {
		if (err) throw err;
		r = v;
	});
	return r;
}

// x exactly as getPasswordAuthenticationKey derives it (src/AuthenticationHelper.js:288-294),
// using the helper's own hash/hexHash/padHex.
function libX(helper, username, password, saltBig) {
	const usernamePasswordHash = helper.hash(`${helper.poolName}${username}:${password}`);
	return new BigInteger(helper.hexHash(helper.padHex(saltBig) + usernamePasswordHash), 16);
}

// Client side: the library's getPasswordAuthenticationKey, also capturing the x it uses.
function libHkdf(helper, username, password, BBig, saltBig) {
	const origCalcS = helper.calculateS;
	let capturedX;
	helper.calculateS = function (xValue, serverBValue, cb) {
		capturedX = xValue;
		return origCalcS.call(this, xValue, serverBValue, cb);
	};
	let hkdf;
	helper.getPasswordAuthenticationKey(username, password, BBig, saltBig, (err, key) => {
		if (err) throw err;
		hkdf = key;
	});
	delete helper.calculateS; // back to prototype method
	assert(hkdf, 'hkdf computed synchronously');
	return { hkdf: Buffer.from(hkdf), x: capturedX };
}

// Signature exactly as CognitoUser.authenticateUserDefaultAuth (src/CognitoUser.js:296-310).
function libSignature(hkdf, poolName, userIdForSrp, secretBlockB64, dateNow) {
	const concatBuffer = Buffer.concat([
		Buffer.from(poolName, 'utf8'),
		Buffer.from(userIdForSrp, 'utf8'),
		Buffer.from(secretBlockB64, 'base64'),
		Buffer.from(dateNow, 'utf8'),
	]);
	const h = new Sha256(hkdf);
	h.update(concatBuffer);
	return Buffer.from(h.digestSync()).toString('base64');
}

const caseDefs = [
	{
		name: 'case1-ascii',
		poolId: 'us-east-1_AbCdEfGhI',
		userIdForSrp: 'alice',
		password: 'Correct-Horse-Battery-9!',
		saltHex: '1f2e3d4c5b6a79880796a5b4c3d2e1f0', // top bit clear
		timeMs: Date.UTC(2026, 10, 27, 10, 0, 0), // Fri Nov 27 10:00:00 UTC 2026
	},
	{
		name: 'case2-salt-msb-set',
		poolId: 'eu-west-1_ZyXwVuTsR',
		userIdForSrp: '3f1c9a52-7b4e-4d1a-9c2f-0e8d6b5a4c3b', // UUID-style USER_ID_FOR_SRP
		password: 'P@ssw0rd-with-msb-salt',
		saltHex: 'c7a41e09d2b38f5566e0a9b1f4d27c83', // top bit set -> padHex prepends "00"
		timeMs: Date.UTC(2026, 2, 1, 9, 5, 7), // single-digit day & hour: "Sun Mar 1 09:05:07 UTC 2026"
	},
	{
		name: 'case3-non-ascii-password',
		poolId: 'ap-southeast-2_Q1w2E3r4T',
		userIdForSrp: 'bob.smith',
		password: 'Pässwörd-日本語-🔑',
		saltHex: '5a0b3c9d8e7f61425364758697a8b9ca', // top bit clear
		timeMs: Date.UTC(2026, 0, 9, 23, 59, 59), // "Fri Jan 9 23:59:59 UTC 2026"
	},
];

function buildCase(def, overridePassword) {
	const poolName = def.poolId.split('_')[1]; // == CognitoUserPool.getUserPoolName()
	const aBytes = detBytes(`srp-vectors/a/${def.name}`, 128); // 128 bytes like generateRandomSmallA
	const bBytes = detBytes(`srp-vectors/b/${def.name}`, 128);
	const aBig = new BigInteger(aBytes.toString('hex'), 16);
	const bBig = new BigInteger(bBytes.toString('hex'), 16);
	// CognitoUser.js:282 parses SALT as a hex BigInteger
	const saltBig = new BigInteger(def.saltHex, 16);

	const helper = makeHelper(poolName, aBig);
	const N = helper.N;
	const g = helper.g;
	const k = helper.k;

	// Verifier with the correct password (server side state).
	const x = libX(helper, def.userIdForSrp, def.password, saltBig);
	const v = modPowSync(g, x, N);
	// B = (k*v + g^b) mod N
	const BBig = k.multiply(v).add(modPowSync(g, bBig, N)).mod(N);
	const BHex = BBig.toString(16); // as a server would send SRP_B (parsed by CognitoUser.js:281)
	const BParsed = new BigInteger(BHex, 16);

	const clientPassword = overridePassword === undefined ? def.password : overridePassword;
	const { hkdf, x: xUsed } = libHkdf(helper, def.userIdForSrp, clientPassword, BParsed, saltBig);
	if (overridePassword === undefined) {
		assert(xUsed.equals(x), 'x derivation in script == x used inside library');
	} else {
		assert(!xUsed.equals(x), 'wrong password gives different x');
	}

	const secretBlock = detBytes(`srp-vectors/secretBlock/${def.name}`, 40).toString('base64');
	const timestamp = libTimestamp(def.timeMs);
	const signature = libSignature(hkdf, poolName, def.userIdForSrp, secretBlock, timestamp);

	let A;
	helper.getLargeAValue((e, val) => (A = val));

	const out = {
		name: def.name,
		poolId: def.poolId,
		poolName,
		userIdForSrp: def.userIdForSrp,
		password: def.password,
		saltHex: def.saltHex,
		saltPadHex: helper.padHex(saltBig),
		aHex: aBig.toString(16),
		bHex: bBig.toString(16),
		xHex: x.toString(16),
		verifierHex: v.toString(16),
		kHex: k.toString(16),
		BHex,
		AHex: A.toString(16), // exactly what CognitoUser.js:251 sends as SRP_A
		uHex: helper.UHexHash, // 64-hex SHA-256 output; helper.UValue is the same integer
		hkdfKeyHex: hkdf.toString('hex'),
		secretBlock,
		timestamp,
		signature,
		challengeResponses: {
			USERNAME: def.userIdForSrp,
			PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
			TIMESTAMP: timestamp,
			PASSWORD_CLAIM_SIGNATURE: signature,
		},
	};
	assert(new BigInteger(out.uHex, 16).equals(helper.UValue), 'uHex == UValue');
	if (overridePassword !== undefined) {
		out.name = 'wrongPassword';
		out.clientPassword = overridePassword;
		out.note =
			'Same a, b, salt, verifier (from `password`), B, SECRET_BLOCK and TIMESTAMP as case 1, ' +
			'but the client computed hkdf/signature with `clientPassword`; a server must reject it.';
	}
	return out;
}

const cases = caseDefs.map((d) => buildCase(d));
const wrong = buildCase(caseDefs[0], 'Correct-Horse-Battery-9?');
assert(wrong.signature !== cases[0].signature, 'wrong password changes signature');
assert(wrong.AHex === cases[0].AHex && wrong.BHex === cases[0].BHex, 'wrong case shares A, B');

const result = {
	generator: `amazon-cognito-identity-js@${pkgVersion} AuthenticationHelper (lib/), node ${process.version}`,
	N: new AuthenticationHelper('x').N.toString(16),
	g: '2',
	cases,
	wrongPassword: wrong,
};
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
