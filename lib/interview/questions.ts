// Interview practice: the questions people get asked about sessions, JWTs and OAuth, each with a
// precise answer, the answer candidates often give instead, and the live experiment in this app
// that proves the right one (a standalone entry of the registry). Plain data, nothing server-only.

import type { StandaloneExperiment } from "@/lib/lab/experiments";
import { PASSKEY_QUESTIONS } from "./passkey-questions";

export type Topic =
  | "The models"
  | "JWT"
  | "Sessions"
  | "OAuth and OIDC"
  | "Attacks and defences"
  | "In production"
  | "Passkeys";

export type Question = {
  /** kebab-case, unique and stable: used in URLs and localStorage. */
  id: string;
  topic: Topic;
  /** As an interviewer would ask it. */
  question: string;
  /** 3-6 sentences; may use **bold** for the one key idea. */
  answer: string;
  /** The common wrong answer, as a candidate would say it. */
  wrongAnswer: string;
  /** Why it is wrong or incomplete, in 1-3 sentences. */
  whyWrong: string;
  /** The live experiment that proves the answer. */
  experiment: StandaloneExperiment;
  /** What the experiment's result shows, in terms of this question. */
  proves: string;
  /** Where the fuller experiment is in the lab. */
  lab: string;
};

export const QUESTIONS: readonly Question[] = [
  // The models
  {
    id: "session-vs-jwt-vs-oauth",
    topic: "The models",
    question: "What is the difference between session-based auth, JWT auth and OAuth 2.0?",
    answer:
      'With a server-side session the server keeps the state (a row saying who you are and until when) and the browser holds only an opaque reference to it, so every request costs a lookup and revocation is instant. With a JWT the state travels in a signed token, so any service holding the key can verify it without a lookup, but it stays valid until its exp unless you add server state back. OAuth 2.0 is neither: it is a delegated authorization framework (RFC 6749) by which a client obtains an access token to call an API on someone\'s behalf, and OpenID Connect adds sign-in on top of it. **Sessions and JWTs answer "where does the state live?"; OAuth answers "who grants access?"**, and an OAuth sign-in still ends in the app\'s own session or token pair.',
    wrongAnswer:
      "JWT is the modern replacement for sessions, and OAuth is basically JWT with a Google button.",
    whyWrong:
      "They sit on different axes: sessions versus JWTs is about where state lives and how revocation works, while OAuth is a protocol for obtaining delegated access whose tokens may or may not be JWTs. After an OAuth sign-in the app still has to choose a session or tokens for itself.",
    experiment: "replay",
    proves:
      "Copies replayed after sign-out behave three different ways: the session and the Auth.js session are refused at once, while the JWT is refused only where a verifier consults server state.",
    lab: "/lab#flows-heading",
  },
  {
    id: "why-jwt-is-stateless",
    topic: "The models",
    question: "Why is a JWT called stateless?",
    answer:
      "Because a verifier needs nothing stored on the server to accept it: the token carries its own claims (sub, iss, aud, exp) and a signature, and checking the signature with the issuer's key plus the claims is the whole decision. That is what lets any instance or service verify it without a shared store or a call to the issuer. The price is that the server has nothing to delete: **a stateless token can't be changed or revoked before its exp**. Only the access-token check is stateless; refresh tokens, user records and any revocation list are still state, and the moment a verifier consults a denylist it is stateful again.",
    wrongAnswer:
      "Because with JWTs the server doesn't store anything, so you don't need a database.",
    whyWrong:
      "Only the verification of access tokens needs no storage; the users, refresh tokens and revocation records still live somewhere. Stateless describes one check, not the whole system.",
    experiment: "stateless-verify",
    proves:
      "A downstream service accepts the token using only the public JWKS, and its Server-Timing shows a signature check and no database step.",
    lab: "/lab#cost-heading",
  },
  {
    id: "logout-with-each-model",
    topic: "The models",
    question: "How does logout work with sessions, with JWTs and with OAuth sign-in?",
    answer:
      "With a server session, logout deletes the session row, so the cookie is refused on the very next request by every instance, including any copy an attacker holds. With JWTs, clearing the cookies only removes the browser's copy: a copied access token stays valid until exp for any verifier that checks only the signature, so the server must also revoke the refresh token (or its family) and, if it needs instant effect, denylist the access token's jti until it expires. With OAuth sign-in, logout ends the app's own session; it does not sign the person out at Google or GitHub, and the grant stays in place until it is revoked at the provider. **Logout is a server-side act; deleting the client's copy is only housekeeping.**",
    wrongAnswer: "You delete the token on the client, and then the user is logged out.",
    whyWrong:
      "Deleting the browser's copy does nothing to a copy someone else already has. For a JWT that copy keeps working until exp unless the server keeps revocation state and checks it.",
    experiment: "replay",
    proves:
      "After sign-out the copied session cookie is refused at once, and the copied JWT is refused by the checked verifier but still accepted downstream until exp.",
    lab: "/lab#experiment-replay",
  },
  {
    id: "authentication-vs-authorization",
    topic: "The models",
    question: "What is the difference between authentication and authorization?",
    answer:
      "Authentication establishes who is making the request: a password or a provider sign-in once, then a session or token on each request. Authorization decides whether that identity may perform this action on this particular resource, and it has to be checked on every access, object by object. **A valid session or token only proves identity; it says nothing about which records the person may touch.** Skipping the ownership check is broken object level authorization (OWASP API Security #1): any signed-in user changes an id in the URL and reads or deletes someone else's data. In HTTP terms, 401 means not authenticated and 403 means authenticated but not allowed; this app answers 404 for another person's note so that ids don't leak.",
    wrongAnswer:
      "If the request has a valid token the user is allowed; the middleware already checked auth.",
    whyWrong:
      "The middleware checked authentication only. Without a per-object check that the resource belongs to (or is shared with) the caller, any authenticated person can act on any record by guessing or changing its id.",
    experiment: "authz",
    proves:
      "A signed-in person trying to delete someone else's note gets 404 and the note survives: authenticated, but not authorized.",
    lab: "/lab#flows-heading",
  },

  // JWT
  {
    id: "is-a-jwt-encrypted",
    topic: "JWT",
    question: "Is a JWT encrypted? What must never go in one?",
    answer:
      "Almost always not: the usual JWT is a JWS (RFC 7515), whose header and payload are base64url-encoded JSON followed by a signature, and anyone holding the token can decode it without a key. An encrypted JWT is a JWE (RFC 7516), which is rarely used for access tokens. **Signed means tamper-evident, not secret.** So never put passwords, API keys or other secrets in it, and think twice about personal data: identity claims such as email are allowed (RFC 9068), but every holder, log, proxy and browser extension can read them, so include only what all of those may see; this app's access token holds only identifiers (iss, aud, sub, iat, exp, jti, its refresh family and a token version).",
    wrongAnswer:
      "Yes, it's base64 and signed with a secret key, so nobody can read what's inside without the key.",
    whyWrong:
      "Base64url is an encoding, not encryption, and a signature protects integrity, not confidentiality. Anyone who sees the token can read every claim.",
    experiment: "decode",
    proves:
      "A real access token's header and payload are decoded in the page with no key at all: encoded, not encrypted.",
    lab: "/lab#token-anatomy",
  },
  {
    id: "changing-a-claim",
    topic: "JWT",
    question: "What stops someone from editing the role claim in their JWT to admin?",
    answer:
      "The signature: it is computed over the exact bytes of the header and payload, so changing one claim changes those bytes and the old signature no longer matches, and producing a new one needs the issuer's private key (or the HMAC secret). That only holds if every verifier really verifies, rather than just decoding, and takes the algorithm from its own configuration instead of the token's header. **Anyone can read and edit the payload; nobody without the key can make the edit verify.** Remember too that claims are a snapshot from issue time: if someone's role is taken away, their token keeps the old role until it expires, which is why this app's token carries only the person's id and a token version, and leaves anything that can change to a lookup.",
    wrongAnswer:
      "Nothing, the payload is only base64, so anyone can change the role; that's why roles must never go in a JWT.",
    whyWrong:
      "Editing the payload is easy, but the server refuses the result because the signature no longer verifies. Roles in a JWT are safe against tampering; the real caveat is that they can't change until the token expires.",
    experiment: "tamper",
    proves:
      "A real token with one claim changed and its original signature kept is refused as bad_signature, and a session seal with one character changed is refused as unreadable.",
    lab: "/lab#experiment-tamper",
  },
  {
    id: "revoking-a-jwt",
    topic: "JWT",
    question: "How do you revoke a JWT before it expires, and what does that cost?",
    answer:
      "Keep access tokens short (minutes) and revoke the refresh token, so no new access tokens are issued; that alone caps the damage at one access-token lifetime. For immediate effect, record revoked tokens by jti until their exp (a denylist), or keep a per-user version number in the token and compare it with the current one to revoke all of someone's tokens at once. **Either way the verifier now does a lookup on every request: verification is stateful again**, a small session store in all but name. And it only works where it is checked: a service that verifies the signature alone keeps accepting the token until exp.",
    wrongAnswer: "You can't revoke a JWT; you just have to wait for it to expire.",
    whyWrong:
      "You can, with a denylist or a version check. The honest answer is that doing so costs a lookup on every request and gives up statelessness, so the real design choice is where you check and how short the tokens live.",
    experiment: "denylist",
    proves:
      "After sign-out the checked verifier refuses the copied token as revoked with one indexed lookup, while the stateless verifier keeps accepting it until exp.",
    lab: "/lab#experiment-replay",
  },
  {
    id: "refresh-token-rotation",
    topic: "JWT",
    question: "How do refresh tokens work, why rotate them, and what is reuse detection?",
    answer:
      "The access token is short-lived (here 15 minutes) and the refresh token is long-lived, sent only to the token endpoint to get a new access token; here it is an opaque random value stored only as a hash, so the server can revoke it. Rotation means every refresh returns a new refresh token and marks the presented one used, so a stolen copy is useful only until the next honest refresh. **If a used refresh token is ever presented again, someone holds a copy, and since the server can't tell thief from owner it revokes the whole family, newest token included** (RFC 9700 §4.14.2). The owner signs in again; the thief is out. A family keeps an absolute lifetime that rotation never extends, and a short grace window keeps two racing tabs from setting the alarm off.",
    wrongAnswer:
      "The refresh token is just a longer-lived JWT: when the access token expires you send the refresh token instead.",
    whyWrong:
      "A refresh token that works as an access credential, or never changes, gives a thief its whole lifetime. Its value comes from being sent only to the token endpoint, being stored server-side so it can be revoked, and being rotated so that a second use exposes the theft.",
    experiment: "refresh-reuse",
    proves:
      "After two rotations, presenting the first refresh token again revokes the whole family, so even the newest token stops working.",
    lab: "/lab#experiment-refresh-reuse",
  },
  {
    id: "hs256-vs-es256",
    topic: "JWT",
    question: "Would you sign JWTs with HS256 or with RS256/ES256?",
    answer:
      "HS256 is an HMAC with one shared secret: the same key signs and verifies, so every verifier can also mint tokens, which is fine only when the issuer is the sole verifier (and the secret must be long and random, because a captured token lets an attacker guess it offline). RS256 and ES256 use a key pair: the issuer signs with the private key, and verifiers use the public key, published as a JWKS with a kid per key. **The question is who may sign: with asymmetric keys, services can check tokens they can't forge.** ES256 (ECDSA on P-256) has much smaller keys and signatures than RS256 and signs faster, while RSA verifies faster and is supported everywhere; this app uses ES256.",
    wrongAnswer: "RS256 is more secure because RSA is stronger encryption than HS256.",
    whyWrong:
      "Neither is encryption, and HS256 with a strong secret is not weak. The difference is key distribution: with HMAC every verifier holds the signing key, with a key pair only the issuer does.",
    experiment: "jwks",
    proves:
      "The JWKS publishes public keys only, with a kid each and no private fields, and a token verifies against it: verifiers can check tokens without being able to sign them.",
    lab: "/lab#token-anatomy",
  },

  // Sessions
  {
    id: "scaling-sessions",
    topic: "Sessions",
    question:
      "Why do sessions need Redis or sticky sessions when you scale out, and what happens on a restart or when Redis goes down?",
    answer:
      "A session is a lookup, and every instance that may receive a request must be able to do it: sessions held in one process's memory exist on that instance only, so a round-robin load balancer signs people out on every other request. Sticky sessions pin each client to one instance, which hides the problem until that instance restarts or is removed and everyone on it is signed out. A shared store (Redis or the database) lets any instance answer and survives an app restart, though a Redis without persistence or replicas loses every session when Redis itself restarts. **The shared store becomes part of sign-in's availability: when it is down, fail closed (503), never treat an unverifiable session as valid.** A stateless JWT check needs no store and keeps working through such an outage.",
    wrongAnswer:
      "Sessions don't scale; once you have more than one server you have to switch to JWTs.",
    whyWrong:
      "A shared store scales out fine and a session lookup takes well under a millisecond. The real cost is a dependency whose outage stops every session, which you plan for with replication and failing closed, not by giving up instant revocation.",
    experiment: "shared-store",
    proves:
      "The same session cookie is honoured by whichever instance answers, because each one looks it up in the shared store; the result names the store and the instance.",
    lab: "/lab#scaling-heading",
  },
  {
    id: "sessions-and-csrf",
    topic: "Sessions",
    question: "Why do cookie-based sessions need a CSRF defence?",
    answer:
      "Because the browser attaches cookies to requests for a site no matter which site triggered them: a form on another site that posts to yours arrives carrying the victim's session cookie, and the server would take it as the victim's own action. This app defends in two layers: the cookies are SameSite=Lax, so browsers leave them off cross-site POSTs and subresource requests, and every unsafe request authenticated by a cookie must carry an Origin (or Sec-Fetch-Site) that is the app's own, otherwise it is refused with 403. **SameSite keeps the cookie home; the Origin check refuses what slips through**, for instance from a sibling subdomain, which counts as the same site. Lax still sends the cookie on top-level GET navigations, so GET must never change anything; a Bearer token in a header is not sent automatically and so needs no CSRF defence.",
    wrongAnswer: "The cookie is HttpOnly and we use HTTPS, so CSRF isn't possible.",
    whyWrong:
      "HttpOnly stops scripts reading the cookie and HTTPS stops eavesdropping, but neither stops the browser from attaching the cookie to a request another site triggers. CSRF never needs to read the cookie, only to make the browser send it.",
    experiment: "cross-site",
    proves:
      "A cross-site POST carrying the session cookie is refused with 403 and creates nothing, while the same POST from the app's own origin works.",
    lab: "/lab#experiment-cross-site",
  },
  {
    id: "session-fixation",
    topic: "Sessions",
    question: "What is session fixation, and how do you prevent it?",
    answer:
      "The attacker doesn't steal a session id; they choose one before the victim signs in, by planting a cookie (from a sibling subdomain, a shared computer) or a session id in a URL. If the server then marks that same session as signed in, the attacker's copy is signed in too. **The defence is to issue a brand-new session id at every change of privilege (sign-in, registration, step-up) and destroy the old one.** Never accept session ids from URLs, and use the __Host- cookie prefix over HTTPS so a subdomain can't set the cookie in the first place.",
    wrongAnswer: "Use HTTPS and HttpOnly cookies, then nobody can get hold of the session id.",
    whyWrong:
      "In fixation the attacker already knows the id because they supplied it; nothing has to be stolen. Only replacing the id at sign-in breaks the link between the planted id and the authenticated session.",
    experiment: "fixation",
    proves:
      "A session cookie planted before sign-in is dead afterwards, and the signed-in session has a different id, shown by the redacted prefixes before and after.",
    lab: "/lab#fixation",
  },

  // OAuth and OIDC
  {
    id: "oauth-is-not-authentication",
    topic: "OAuth and OIDC",
    question: "Is OAuth 2.0 an authentication protocol? What does OpenID Connect add?",
    answer:
      "No: OAuth 2.0 (RFC 6749) is delegated authorization, a way for a person to let a client obtain an access token that calls an API within given scopes. The access token is meant for that API, not for the client, so it tells the client nothing reliable about who signed in, when or how; treating any access token as proof of login lets a token obtained by another app be replayed to yours. **OpenID Connect adds the identity layer: an ID token, a signed JWT addressed to the client (aud is its client id) that states who authenticated**, with iss, sub, exp, iat and the nonce from the request, plus a userinfo endpoint, discovery and standard scopes such as openid, profile and email. Here Google is OIDC; GitHub is plain OAuth 2.0, so the app learns who the person is by calling GitHub's API with the token from its own code exchange.",
    wrongAnswer: "Yes, Sign in with Google is OAuth, so OAuth is a login protocol.",
    whyWrong:
      "Sign in with Google is OpenID Connect built on OAuth. OAuth itself defines how a client gets permission to call an API, not how it learns who the user is.",
    experiment: "id-token",
    proves:
      "The ID token names the person (sub), is addressed to the app (aud) and carries the nonce and a checked signature, while the access token beside it is only for calling the provider's API.",
    lab: "/lab#id-token",
  },
  {
    id: "id-token-vs-access-token",
    topic: "OAuth and OIDC",
    question:
      "What is the difference between an ID token and an access token? Which goes to your API?",
    answer:
      "The ID token is for the client: it is proof of a sign-in event, addressed to the client's id, which the client validates once (signature against the provider's JWKS, iss, aud, exp, nonce) and then turns into its own session. The access token is for the resource server: it carries the granted scopes, its audience is the API, and the client should treat it as opaque (Google's are not even JWTs). **An API should accept only tokens issued for it, so send access tokens to APIs, never ID tokens.** An ID token carries no scopes, and an API that accepts it can't tell whether it was ever meant to grant anything.",
    wrongAnswer:
      "The ID token is a JWT with the user's details, so I send it as the Bearer token to our backend.",
    whyWrong:
      "The ID token's audience is the client application and it grants nothing; an API should check that a token was issued for it and carries the right scopes. Access tokens exist for exactly that.",
    experiment: "id-token",
    proves:
      "Decoded side by side, the ID token describes a sign-in for the app (aud, sub, nonce, exp) and the access token is what the provider's API accepts.",
    lab: "/lab#id-token",
  },
  {
    id: "authorization-code-with-pkce",
    topic: "OAuth and OIDC",
    question: "Why the authorization code flow with PKCE, and never the implicit flow?",
    answer:
      "The implicit flow put the access token in the redirect URL's fragment, where browser history, extensions, logs and injected scripts can see it, with nothing binding it to the client that asked and no refresh token. With the code flow, the redirect carries only a short-lived, single-use code, which the client exchanges for tokens in a direct back-channel request. **PKCE (RFC 7636) binds the code to the client instance that started the flow**: the client sends a hash of a fresh random code_verifier (code_challenge, method S256) with the request and must present the verifier itself in the exchange, so an intercepted code is worthless to anyone else. RFC 9700, the OAuth 2.0 Security BCP, says not to use implicit, that public clients MUST use PKCE, and that confidential clients SHOULD use it too (it also stops code injection, which a client secret does not); state ties the callback to the browser that started it, and OIDC's nonce ties the ID token to the request.",
    wrongAnswer:
      "Implicit is the flow for SPAs because they can't keep a client secret; PKCE is only for mobile apps.",
    whyWrong:
      "That was the advice of 2012. PKCE protects the code without any client secret, so SPAs use code with PKCE, and so do servers: RFC 9700 makes it a MUST for public clients and a SHOULD for confidential ones, whose secret does not stop an injected code. The current BCP deprecates implicit entirely.",
    experiment: "oauth-flow",
    proves:
      "The real authorization request carries response_type=code, an S256 code_challenge, state and nonce; a callback with a tampered state is refused, and a stolen code redeemed at the provider without the app's code_verifier (a guessed one, or none) gets invalid_grant.",
    lab: "/lab#flows-heading",
  },
  {
    id: "where-provider-tokens-belong",
    topic: "OAuth and OIDC",
    question: "After Sign in with Google or GitHub, where do the provider's tokens belong?",
    answer:
      "On the server, attached to the person's account and encrypted at rest, used only when the server calls the provider's API on their behalf. The browser gets the app's own credential, here an opaque HttpOnly session cookie, and never the provider's tokens. Provider tokens often carry broad scopes and long-lived refresh tokens, and in the browser they are one injected script away from being used elsewhere. **A provider token is a grant to your server, not a login for your users**: ask for the smallest scopes, refresh on the server, and revoke the grant at the provider when the person unlinks the account.",
    wrongAnswer:
      "Put Google's access token in localStorage and send it to our API, which calls Google to check it.",
    whyWrong:
      "That makes a provider token your session credential, exposes it to every script on the page, and puts Google on the path of every request. Validate the sign-in once and issue your own session or tokens.",
    experiment: "provider-tokens",
    proves:
      "After a provider sign-in the browser holds only an opaque Auth.js session cookie, while the server keeps the provider tokens encrypted and uses them to call the provider's API.",
    lab: "/lab#experiment-delegated",
  },

  // Attacks and defences
  {
    id: "localstorage-or-httponly-cookie",
    topic: "Attacks and defences",
    question: "Should a browser app keep its token in localStorage or in an HttpOnly cookie?",
    answer:
      'In an HttpOnly cookie, with Secure, SameSite and a narrow Path. Anything in localStorage is readable by every script that runs on the origin, so one XSS flaw or compromised dependency can copy the token and use it from anywhere until it expires. An injected script can still make requests with an HttpOnly cookie while the page is open, but it can\'t read the cookie or carry it away: **HttpOnly turns "steal the token" into "act only while the victim\'s tab is open"**. Cookies bring CSRF exposure, which SameSite plus an Origin check handles; a single-page app that must call APIs with Bearer tokens can keep them on a backend-for-frontend and hold only a cookie itself.',
    wrongAnswer:
      "localStorage is fine as long as we escape our output, and cookies are worse because of CSRF.",
    whyWrong:
      "XSS also arrives through third-party scripts and dependencies, and a stolen token keeps working off-site until it expires. CSRF has a cheap, standard defence; a script reading localStorage has none.",
    experiment: "xss",
    proves:
      "A simulated injected script reads the token from localStorage and replays it elsewhere with a 200, while document.cookie shows none of the HttpOnly cookies.",
    lab: "/lab#experiment-xss",
  },
  {
    id: "alg-none-attack",
    topic: "Attacks and defences",
    question: "What is the alg:none attack, and what is algorithm confusion?",
    answer:
      "A JWT's header names its own algorithm, and naive verifiers used it to decide how to verify. With alg none the token has no signature at all and such a verifier accepts it; with algorithm confusion, an attacker takes a server that expects RS256 or ES256, signs a token with HS256 using the server's public key as the HMAC secret, and a verifier that feeds its key to whatever algorithm the header names finds the signature valid. **The verifier, not the token, decides the algorithm**: keep an allowlist per key (here ES256 only), refuse none, and never follow jku, jwk, x5u or x5c headers to fetch a key.",
    wrongAnswer: "Modern libraries handle that; you just have to check the signature.",
    whyWrong:
      "Checking the signature is exactly what the attack subverts when the token chooses how it is checked. The allowed algorithm must be fixed in the verifier's configuration, and libraries only do that if you pass it.",
    experiment: "forged-alg",
    proves:
      "A token with alg none and one signed with HS256 using the public key are both refused as algorithm_not_allowed before any key is used.",
    lab: "/lab#experiment-forged-alg",
  },
  {
    id: "storing-passwords",
    topic: "Attacks and defences",
    question: "How should an app store passwords?",
    answer:
      "Never in plaintext or with reversible encryption, and never with a fast hash such as SHA-256, salted or not. Use a deliberately slow, memory-hard password hashing function: argon2id, at least at OWASP's minimum of m=19 MiB, t=2, p=1 (what this app uses), or scrypt, or bcrypt with an adequate cost. Each hash gets its own random salt and is stored as a PHC string that records the algorithm and parameters, so they can be raised later and old hashes upgraded when a person next signs in. **The aim is to make each guess against a leaked table expensive**, which a salt alone doesn't do. Around it: throttle sign-in attempts, refuse known breached passwords, and skip composition rules.",
    wrongAnswer: "We hash them with SHA-256 and a salt, so they're safe.",
    whyWrong:
      "A salt defeats precomputed tables but not speed: SHA-256 is built to be fast, so a single GPU tries billions of guesses a second against a leaked table. A password hash has to be slow and memory-hard on purpose.",
    experiment: "kdf",
    proves:
      "The stored PHC string names argon2id with m=19456, t=2, p=1, and one argon2id hash is measured at orders of magnitude slower than one SHA-256: that gap is the attacker's cost per guess.",
    lab: "/lab#password-storage",
  },
  {
    id: "sign-out-everywhere",
    topic: "Attacks and defences",
    question:
      "Someone's laptop has been stolen while they were signed in. How do you sign them out everywhere?",
    answer:
      'Every kind of credential needs its own revocation: delete all of the person\'s session rows, revoke every refresh family, delete their OAuth-backed sessions and remembered devices, and bump one credential epoch that every credential records and every guard compares, so outstanding access tokens fail the checked verifier and a sign-in still on its way (it read the old epoch before its password check) is dead on arrival. If the account itself may be compromised, force a password change and review linked providers and grants too. **"Everywhere" means every store that can say yes, not just the cookie in front of you.** What it cannot reach lives until expiry: services that verify access tokens by signature alone keep accepting a copy until exp, which is the reason to keep those tokens short.',
    wrongAnswer: "Make them change their password; that logs them out everywhere.",
    whyWrong:
      "Existing cookies and tokens don't contain the password, so they keep working unless the password change explicitly ends sessions and revokes token families, as this app's does.",
    experiment: "kill-switch",
    proves:
      "After sign out everywhere, every strategy, each copied credential (session cookie, access token, refresh token) is refused at its next request.",
    lab: "/lab#experiment-replay",
  },
  {
    id: "stolen-cookie-takeover",
    topic: "Attacks and defences",
    question:
      "An attacker copies a signed-in session cookie. How do you stop that one cookie from becoming the account for good?",
    answer:
      "The copy signs them in, and nothing but its expiry or a revocation changes that; the damage to contain is what they can do with it that outlives it: link their own Google or GitHub, unlink the owner's, change how the account signs in. So **every credential records when the person last proved who they are (OIDC's auth_time), and a refresh, a slide or an exchange copies that moment and never makes it newer**; actions that change how the account is entered ask for a proof from the last few minutes (GitHub's sudo mode, OWASP ASVS re-authentication): the password, or a provider sign-in made there and then with prompt=login and a checked auth_time. A link intent is bound to the OAuth round's state, so no other sign-in can use it, and a new link is written down and shown to the person until they acknowledge it. Then a password change or sign-out everywhere, which bumps the person's credential epoch, ends every copy.",
    wrongAnswer:
      "Exchange the session for a fresh token pair before sensitive actions; a token issued seconds ago proves the user is present.",
    whyWrong:
      "A token issued seconds ago proves only that someone held a credential seconds ago. An exchange that stamps a new issue time launders a stolen cookie into a fresh sign-in; the proof time has to travel with the credential, unchanged.",
    experiment: "takeover",
    proves:
      "A session cookie from an older sign-in still answers 200 and can be exchanged, but the new pair carries the old auth_time, and asking to link a provider with either answers 403 reauth_required, while the owner's fresh sign-in is let through.",
    lab: "/lab#takeover",
  },

  // In production
  {
    id: "mobile-banking-app",
    topic: "In production",
    question: "Would you use sessions or JWTs for a mobile banking app?",
    answer:
      "The deciding requirement is that a lost phone or a fraud alert must cut access off at once, on every path that moves money. A native app doesn't need cookies: it sends a token in the Authorization header, kept in the Keychain or Keystore; that token can be an opaque session handle looked up on every request, or a very short-lived access token with rotating refresh tokens and reuse detection, but the check on sensitive operations must consult server state (a denylist, a version, or token introspection). **For a bank the credential may be a token, but the check must be stateful.** Sign-in runs through the system browser with code and PKCE (RFC 8252), sensitive actions ask for step-up, and sender-constrained tokens (DPoP, RFC 9449) make a copied token useless on another device.",
    wrongAnswer: "JWTs, because mobile apps can't use cookies, so sessions don't work on mobile.",
    whyWrong:
      "A session doesn't need a cookie: an opaque token in a header that the server looks up is a session. What matters is that a purely stateless JWT can't be cut off before exp, which a bank can't accept.",
    experiment: "denylist",
    proves:
      "After sign-out the checked verifier refuses the copied token at once while a signature-only verifier accepts it until exp; a bank needs the first behaviour.",
    lab: "/lab#experiment-replay",
  },
  {
    id: "auth-across-microservices",
    topic: "In production",
    question: "How do you handle authentication across microservices?",
    answer:
      "Authenticate once at the edge (a gateway or the web app's backend, with a session cookie or an access token) and give internal services a short-lived signed token that each one verifies locally with the issuer's public keys from a JWKS, with no call back to an auth service. **Each service checks the signature and that the audience is itself, and then makes its own authorization decision.** Narrow tokens as they travel (token exchange, RFC 8693) rather than handing one all-powerful token from service to service, and prove the calling service's own identity separately, with mTLS or client credentials. The trade-off is revocation: internal tokens live for minutes, because a service that only verifies signatures can't learn that one was revoked.",
    wrongAnswer: "Give every service the same HS256 secret so they can all validate the JWT.",
    whyWrong:
      "With a shared HMAC secret every service can also mint tokens for any user, so compromising the least important service forges identity everywhere. Publish asymmetric public keys so services can verify without being able to sign.",
    experiment: "stateless-verify",
    proves:
      "A separate service verifies the access token with nothing but the public JWKS, and its Server-Timing shows a signature check and no database call.",
    lab: "/lab#scaling-heading",
  },
  {
    id: "jwt-size-on-every-request",
    topic: "In production",
    question: "How does the size of a JWT compare with a session id, and does it matter?",
    answer:
      "A bare session id is about 32 random bytes (43 characters in base64url); this app's iron-session seal of one is about 300 bytes, because it is encrypted and authenticated. An access token carries a header, the claims and a signature, all base64url-encoded: here about 480 bytes with identifiers only, and it grows with every claim, so tokens stuffed with permissions or profile data run into kilobytes. **Whatever the credential weighs is paid on every request it rides on**, and a cookie with Path=/ rides on every request to the site, while browsers cap a cookie at about 4 KB and servers limit header size. HTTP/2 header compression softens repeated headers, but the lesson stands: keep claims minimal, and compare the bytes against the lookup they save.",
    wrongAnswer:
      "A JWT and a session id are both just a string in a header; the size difference doesn't matter.",
    whyWrong:
      "A session id is a fixed, small random value, while a JWT is many times larger and grows with each claim. It is sent on every matching request, and past the cookie limit it simply breaks.",
    experiment: "sizes",
    proves:
      "Measured side by side, the session cookie, the access-token cookie and the Bearer header show how many bytes each credential adds to every request.",
    lab: "/lab#cost-heading",
  },
  {
    id: "what-production-apps-do",
    topic: "In production",
    question: "So what do real production apps actually use: sessions, JWTs or OAuth?",
    answer:
      "Usually all three, each where it fits. The web app gets an HttpOnly session cookie, often created after an OpenID Connect sign-in; mobile apps and API clients get short-lived access tokens (often JWTs, RFC 9068) with rotating refresh tokens; and a sign-in with Google, GitHub or a company identity provider ends in the app's own session or token pair, never in the provider's tokens used as the app's credential. **OAuth and OIDC decide who the person is; the app then issues its own credential, shaped for each client.** Single-page apps increasingly put a small backend-for-frontend in front so the browser holds only a cookie, and many teams use a hosted identity provider rather than writing the token server themselves.",
    wrongAnswer: "You pick one; modern apps are all JWT now.",
    whyWrong:
      "Each model suits a different client: browsers are best served by an HttpOnly session cookie, native and API clients by tokens, and third-party identity by OIDC. Large systems run all of them, with provider sign-in handing off to the app's own credential.",
    experiment: "hybrid",
    proves:
      "A provider sign-in comes out as the app's own JWT pair for API calls: the provider said who the person is, and the app issued its own credential.",
    lab: "/lab#hybrid",
  },
  {
    id: "signing-key-rotation",
    topic: "In production",
    question: "How do you rotate the key that signs your JWTs without signing everyone out?",
    answer:
      "By overlap: every token names its key in the kid header, and the JWKS publishes every key that may still have tokens in flight. Generate the new key and **publish it at least one JWKS cache lifetime before signing with it**, so every verifier's cached copy holds it before the first token it signed arrives (refetching on an unknown kid is a fallback, often rate-limited, not a plan); then start signing with it; verifiers select the key by kid. **Retire the old key only when the last token it signed has expired** (plus the JWKS cache time); until then both verify. After a key compromise you retire it at once and accept that its tokens fail and their holders refresh or sign in again; keep private keys in a KMS or HSM where you can.",
    wrongAnswer: "Change the secret in the environment variable and redeploy.",
    whyWrong:
      "Swapping the key in one step breaks every token already issued and every verifier still holding the old JWKS. Rotation is an overlap, not a switch.",
    experiment: "key-rotation",
    proves:
      "A new kid is published first and signs only a cache lifetime later (sped up), new tokens carry it while old tokens still verify, and only retiring the old key makes its tokens fail.",
    lab: "/lab#key-rotation",
  },
  ...PASSKEY_QUESTIONS,
];

export const CHECKLIST: readonly string[] = [
  "Sessions keep state on the server and revoke instantly; JWTs carry it in a signed token and verify without a lookup; OAuth 2.0 is delegated authorization that still ends in one of the two.",
  "A JWS is signed, not encrypted: never secrets in it, and personal data only what every holder may read (RFC 9068 allows identity claims; this app sends ids alone).",
  "The verifier fixes the algorithm (refuse none, refuse HS256 where you expect ES256) and always checks iss, aud and exp.",
  "Revoking a JWT early needs a denylist or a version check on every request, which makes verification stateful again; otherwise keep access tokens short.",
  "Refresh tokens are opaque, stored hashed, rotated on every use, and a reused one revokes its whole family (RFC 9700).",
  "Keep browser credentials in HttpOnly, Secure, SameSite cookies rather than localStorage, and check Origin on unsafe requests against CSRF.",
  "Use the authorization code flow with PKCE (S256: a MUST for public clients, a SHOULD for confidential ones in RFC 9700), state and nonce; the implicit flow is deprecated.",
  "The ID token tells the client who signed in, the access token is for the API, and provider tokens stay on the server.",
  "Scale sessions with a shared store such as Redis or the database, and fail closed when it is down.",
  "Issue a new session id at sign-in to defeat fixation, and make sign-out everywhere and password changes end every session and token family.",
  "Hash passwords with argon2id at m=19 MiB, t=2, p=1 or stronger, never with a fast hash like SHA-256.",
  "Authentication says who is asking; authorization checks every object against the caller, every time.",
  "Rotate signing keys by overlap: publish the new kid, sign with it, and retire the old key once its last token has expired.",
  "Real systems mix models: a session cookie for the web app, tokens for mobile and APIs, and provider sign-in that ends in the app's own credential.",
];
