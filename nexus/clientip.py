from django.conf import settings


def client_ip(request):
    """The client's address, trusting only the configured number of reverse proxies.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
    with N proxies the client is the Nth entry from the right; anything further left was written
    by the client and can be forged. With no proxies, REMOTE_ADDR is the client.
    """
    proxies = settings.NEXUS_TRUSTED_PROXY_COUNT
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")
