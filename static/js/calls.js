// Replaced by the intake app: records call-link clicks with navigator.sendBeacon.
