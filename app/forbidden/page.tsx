import Link from "next/link";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <main className="mx-auto max-w-lg px-6 py-16">
      <h1 className="text-2xl font-semibold">You don’t have access to that page</h1>
      <p className="mt-2 text-slate-600">Your role doesn’t include this part of the desk. Ask an admin if you need it.</p>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline">Back to your desk</Link>
    </main>
  );
}
