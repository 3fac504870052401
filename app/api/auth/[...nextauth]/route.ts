import type { NextRequest } from 'next/server';
import { handleAuthGet, handleAuthPost } from '@/lib/auth';

export function GET(request: NextRequest) {
  return handleAuthGet(request);
}

export function POST(request: NextRequest) {
  return handleAuthPost(request);
}
