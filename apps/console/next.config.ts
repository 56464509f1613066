import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source (with .ts/.tsx in their import specifiers), not built output.
  transpilePackages: ['@sluice/api', '@sluice/ui', '@sluice/validators'],
  // Responses need not advertise what renders them.
  poweredByHeader: false,
};

export default nextConfig;
