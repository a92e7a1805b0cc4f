export declare const FINGERPRINT_FILE: string;
export declare function sourcesFingerprint(root: string): string;
export declare function distIsCurrent(root: string): boolean;
